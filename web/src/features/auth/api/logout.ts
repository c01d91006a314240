import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { meQueryKey, setLoggedOutOnPurpose } from '../../../lib/auth';

export function logout(): Promise<void> {
  return api.post('/api/auth/logout');
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      setLoggedOutOnPurpose(true);
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'regions' && q.queryKey[0] !== 'me' });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
