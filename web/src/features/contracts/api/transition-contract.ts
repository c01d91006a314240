import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractView, TransitionBody } from '../../../../../common/api/contracts';
import { api } from '../../../lib/api';
import { contractQueryKey } from './get-contract';

export type ContractTransition = z.input<typeof TransitionBody>;

/** submit, withdraw (applicant); return, refuse, certify, cancel (registrar). */
export function transitionContract({ id, body }: { id: string; body: ContractTransition }): Promise<ContractView> {
  return api.post(`/api/contracts/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionContract,
    onSuccess: (view) => {
      queryClient.setQueryData(contractQueryKey(view.id), view);
      // Lists, versions and (after a certification) the statistics all move.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts'], predicate: (q) => q.queryKey[1] !== 'detail' }),
        queryClient.invalidateQueries({ queryKey: ['statistics'] }),
      ]);
    },
  });
}
