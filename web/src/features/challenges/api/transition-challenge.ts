import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChallengeTransitionBody, ChallengeView } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export function transitionChallenge({ id, body }: { id: string; body: z.input<typeof ChallengeTransitionBody> }): Promise<ChallengeView> {
  return api.post(`/api/challenges/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionChallenge() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transitionChallenge, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['challenges'] }) });
}
