import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChallengeView, RegistrationBody } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export function registerChallenge({ id, body }: { id: string; body: z.input<typeof RegistrationBody> }): Promise<ChallengeView> {
  return api.post(`/api/challenges/${encodeURIComponent(id)}/registrations`, body);
}

export function useRegisterChallenge() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: registerChallenge, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['challenges'] }) });
}
