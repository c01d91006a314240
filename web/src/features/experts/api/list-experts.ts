import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExpertView } from '../../../../../common/api/experts';
import { api } from '../../../lib/api';

export interface ExpertsQuery {
  field?: string;
  q?: string;
  limit: number;
  offset: number;
}

export function listExperts(query: ExpertsQuery, signal?: AbortSignal): Promise<{ items: ExpertView[]; total: number }> {
  return api.get('/api/experts', { ...query }, signal);
}

/** The public expert directory (contact details only come back for staff). */
export function useExperts(query: ExpertsQuery) {
  return useQuery({
    queryKey: ['experts', 'list', query],
    queryFn: ({ signal }) => listExperts(query, signal),
    placeholderData: keepPreviousData,
  });
}
