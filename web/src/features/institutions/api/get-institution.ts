import { useQuery } from '@tanstack/react-query';
import type { InstitutionView } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export const institutionQueryKey = (id: string) => ['institutions', 'one', id] as const;

export function getInstitution(id: string, signal?: AbortSignal): Promise<InstitutionView> {
  return api.get(`/api/institutions/${encodeURIComponent(id)}`, undefined, signal);
}

export function useInstitution(id: string) {
  return useQuery({ queryKey: institutionQueryKey(id), queryFn: ({ signal }) => getInstitution(id, signal) });
}
