import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MemberView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export type Member = z.infer<typeof MemberView>;

export const membersQueryKey = (organizationId: string) => ['organizations', 'members', organizationId] as const;

export function getMembers(organizationId: string, signal?: AbortSignal): Promise<{ items: Member[] }> {
  return api.get(`/api/organizations/${encodeURIComponent(organizationId)}/members`, undefined, signal);
}

export function useMembers(organizationId: string | undefined) {
  return useQuery({
    queryKey: membersQueryKey(organizationId ?? ''),
    queryFn: ({ signal }) => getMembers(organizationId!, signal),
    enabled: !!organizationId,
  });
}
