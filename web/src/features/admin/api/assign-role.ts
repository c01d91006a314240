import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssignRoleBody } from '../../../../../common/api/admin';
import { api } from '../../../lib/api';

export type AssignRoleInput = z.input<typeof AssignRoleBody>;

export function assignRole({ userId, body }: { userId: string; body: AssignRoleInput }): Promise<unknown> {
  return api.post(`/api/admin/users/${encodeURIComponent(userId)}/roles`, body);
}

export function useAssignRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
