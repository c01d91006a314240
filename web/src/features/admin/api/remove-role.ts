import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export function removeRole({ userId, grantId }: { userId: string; grantId: string }): Promise<void> {
  return api.delete(`/api/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(grantId)}`);
}

export function useRemoveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
