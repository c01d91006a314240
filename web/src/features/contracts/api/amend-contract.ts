import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AmendmentBody, ContractView } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';
import { contractQueryKey } from './get-contract';

export type Amendment = z.input<typeof AmendmentBody>;

/** A registrar's amendment of a certified contract: a new audited version. */
export function amendContract({ id, body }: { id: string; body: Amendment }): Promise<ContractView> {
  return api.post(`/api/contracts/${encodeURIComponent(id)}/amendments`, body);
}

export function useAmendContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: amendContract,
    onSuccess: (view) => {
      queryClient.setQueryData(contractQueryKey(view.id), view);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts'], predicate: (q) => q.queryKey[1] !== 'detail' }),
        queryClient.invalidateQueries({ queryKey: ['statistics'] }),
      ]);
    },
  });
}
