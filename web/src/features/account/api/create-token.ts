import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateApiTokenBody, CreatedApiToken } from '../../../../../common/api/identity';
import { api } from '../../../lib/api';
import { myTokensQueryKey } from './get-my-tokens';

export type CreateTokenInput = z.input<typeof CreateApiTokenBody>;
export type CreatedToken = z.infer<typeof CreatedApiToken>;

export function createToken(body: CreateTokenInput): Promise<CreatedToken> {
  return api.post('/api/me/tokens', body);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myTokensQueryKey }),
  });
}
