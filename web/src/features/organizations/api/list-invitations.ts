import { useQuery } from '@tanstack/react-query';
import type { InvitationView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export const invitationsQueryKey = (organizationId: string) => ['organizations', 'invitations', organizationId] as const;

export function listInvitations(organizationId: string, signal?: AbortSignal): Promise<{ items: InvitationView[] }> {
  return api.get(`/api/organizations/${encodeURIComponent(organizationId)}/invitations`, undefined, signal);
}

export function useInvitations(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsQueryKey(organizationId),
    queryFn: ({ signal }) => listInvitations(organizationId, signal),
    enabled,
  });
}
