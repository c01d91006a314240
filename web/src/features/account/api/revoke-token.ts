import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { myTokensQueryKey } from './get-my-tokens';

export function revokeToken(id: string): Promise<void> {
  return api.delete(`/api/me/tokens/${encodeURIComponent(id)}`);
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myTokensQueryKey }),
  });
}
