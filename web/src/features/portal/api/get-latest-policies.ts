import { useQuery } from '@tanstack/react-query';
import type { PolicySummary } from '../../../../../common/api/policies';
import { api } from '../../../lib/api';

/** The newest policies of the library, for the home page's policy column. */
export function getLatestPolicies(limit: number, signal?: AbortSignal): Promise<{ items: PolicySummary[]; total: number }> {
  return api.get('/api/policies', { limit }, signal);
}

export function useLatestPolicies(limit = 6) {
  return useQuery({ queryKey: ['policies', 'latest', limit], queryFn: ({ signal }) => getLatestPolicies(limit, signal), retry: false });
}
