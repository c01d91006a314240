import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { myInvitationsQueryKey } from './list-my-invitations';

export function respondToInvitation({ id, decision }: { id: string; decision: 'accept' | 'decline' }): Promise<void> {
  return api.post(`/api/me/invitations/${encodeURIComponent(id)}/${decision}`);
}

export function useRespondToInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: respondToInvitation,
    // Accepting changes the caller's memberships (and so /api/me).
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: myInvitationsQueryKey }), queryClient.invalidateQueries()]),
  });
}
