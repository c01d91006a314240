import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LoginBody, MeView } from '../../../../../common/api/identity';
import { api } from '../../../lib/api';
import { meQueryKey, setLoggedOutOnPurpose } from '../../../lib/auth';

export type LoginInput = z.input<typeof LoginBody>;

export function login(body: LoginInput): Promise<MeView> {
  return api.post('/api/auth/login', body);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['login'],
    mutationFn: login,
    onSuccess: async (me) => {
      setLoggedOutOnPurpose(false);
      // Whatever was cached belonged to the previous visitor.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'regions' });
      queryClient.setQueryData(meQueryKey, me);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
