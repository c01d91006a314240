import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PolicySummary } from '../../../../../common/api/policies';
import { api } from '../../../lib/api';

export function listPolicies(q: string, limit: number, signal?: AbortSignal): Promise<{ items: PolicySummary[]; total: number }> {
  return api.get('/api/policies', { q: q || undefined, limit }, signal);
}

export function usePolicies(q: string, limit = 50) {
  return useQuery({
    queryKey: ['policies', 'list', q, limit],
    queryFn: ({ signal }) => listPolicies(q, limit, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
