import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** Files the award's contract application (a draft in the contracts workspace). */
export function applyContract({ id, signedOn }: { id: string; signedOn: string }): Promise<{ contractId: string }> {
  return api.post(`/api/challenges/${encodeURIComponent(id)}/contract`, { signedOn });
}

export function useApplyContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: applyContract, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['challenges'] }) });
}
