import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateRoundBody, RoundView } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';

export function createRound(body: z.input<typeof CreateRoundBody>): Promise<RoundView> {
  return api.post('/api/demonstration-rounds', body);
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createRound, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demonstration'] }) });
}
