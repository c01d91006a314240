import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InstitutionSummary } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export interface InstitutionsFilter {
  q?: string;
  demonstration?: 'true';
}

export function listInstitutions(
  filter: InstitutionsFilter,
  signal?: AbortSignal,
): Promise<{ items: InstitutionSummary[]; total: number }> {
  return api.get('/api/institutions', { ...filter, limit: 200 }, signal);
}

export function useInstitutions(filter: InstitutionsFilter) {
  return useQuery({
    queryKey: ['institutions', 'list', filter],
    queryFn: ({ signal }) => listInstitutions(filter, signal),
    placeholderData: keepPreviousData,
  });
}
