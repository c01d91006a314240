import { useQuery } from '@tanstack/react-query';
import type { MyInvitationView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export const myInvitationsQueryKey = ['me', 'invitations'] as const;

export function listMyInvitations(signal?: AbortSignal): Promise<{ items: MyInvitationView[] }> {
  return api.get('/api/me/invitations', undefined, signal);
}

export function useMyInvitations() {
  return useQuery({ queryKey: myInvitationsQueryKey, queryFn: ({ signal }) => listMyInvitations(signal) });
}
