import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContractView } from '../../../../../common/api/contracts';
import { apiRequest } from '../../../lib/api';
import type { ContractBody } from './create-contract';
import { contractQueryKey } from './get-contract';

export function updateContract({ id, body }: { id: string; body: ContractBody }): Promise<ContractView> {
  return apiRequest(`/api/contracts/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

export function useUpdateContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateContract,
    onSuccess: (view) => {
      queryClient.setQueryData(contractQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['contracts', 'mine'] });
    },
  });
}
