import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChallengeView, CreateChallengeBody } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export function createChallenge(body: z.input<typeof CreateChallengeBody>): Promise<ChallengeView> {
  return api.post('/api/challenges', body);
}

export function useCreateChallenge() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createChallenge, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['challenges'] }) });
}
