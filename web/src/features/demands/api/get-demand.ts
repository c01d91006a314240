import { useQuery } from '@tanstack/react-query';
import type { DemandView } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';

export const demandQueryKey = (id: string) => ['demands', 'detail', id] as const;

export function getDemand(id: string, signal?: AbortSignal): Promise<DemandView> {
  return api.get(`/api/demands/${encodeURIComponent(id)}`, undefined, signal);
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: demandQueryKey(id ?? ''),
    queryFn: ({ signal }) => getDemand(id!, signal),
    enabled: !!id,
  });
}
