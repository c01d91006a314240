import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { membersQueryKey } from './get-members';

export function removeMember({ organizationId, userId }: { organizationId: string; userId: string }): Promise<void> {
  return api.delete(`/api/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}`);
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: (_data, { organizationId }) => queryClient.invalidateQueries({ queryKey: membersQueryKey(organizationId) }),
  });
}
