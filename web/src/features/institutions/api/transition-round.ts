import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoundTransition, RoundView } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export function transitionRound({ id, action }: { id: string; action: RoundTransition }): Promise<RoundView> {
  return api.post(`/api/demonstration-rounds/${encodeURIComponent(id)}/transitions`, { action });
}

export function useTransitionRound() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transitionRound, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demonstration'] }) });
}
