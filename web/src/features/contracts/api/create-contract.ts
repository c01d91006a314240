import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractInput, ContractView } from '../../../../../common/api/contracts';
import { api, withQuery } from '../../../lib/api';

export type ContractBody = z.input<typeof ContractInput>;

export function createContract({ body, organizationId }: { body: ContractBody; organizationId?: string }): Promise<ContractView> {
  return api.post(withQuery('/api/contracts', { organizationId }), body);
}

export function useCreateContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContract,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contracts', 'mine'] }),
  });
}
