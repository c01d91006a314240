import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddMemberBody } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';
import { membersQueryKey } from './get-members';

export type AddMemberInput = z.input<typeof AddMemberBody>;

export function addMember({ organizationId, body }: { organizationId: string; body: AddMemberInput }): Promise<unknown> {
  return api.post(`/api/organizations/${encodeURIComponent(organizationId)}/members`, body);
}

export function useAddMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMember,
    onSuccess: (_data, { organizationId }) => queryClient.invalidateQueries({ queryKey: membersQueryKey(organizationId) }),
  });
}
