import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateUserBody } from '../../../../../common/api/admin';
import { api } from '../../../lib/api';

export type UpdateUserInput = z.input<typeof UpdateUserBody>;

export function updateUser({ userId, body }: { userId: string; body: UpdateUserInput }): Promise<unknown> {
  return api.patch(`/api/admin/users/${encodeURIComponent(userId)}`, body);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
