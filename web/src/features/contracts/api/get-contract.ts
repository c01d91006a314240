import { useQuery } from '@tanstack/react-query';
import type { ContractView } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';

export const contractQueryKey = (id: string) => ['contracts', 'detail', id] as const;

export function getContract(id: string, signal?: AbortSignal): Promise<ContractView> {
  return api.get(`/api/contracts/${encodeURIComponent(id)}`, undefined, signal);
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: contractQueryKey(id ?? ''),
    queryFn: ({ signal }) => getContract(id!, signal),
    enabled: !!id,
  });
}
