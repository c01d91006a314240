import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationView, UpdateOrganizationBody } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';
import { meQueryKey } from '../../../lib/auth';

export type UpdateOrganizationInput = z.input<typeof UpdateOrganizationBody>;

export function updateOrganization({ id, body }: { id: string; body: UpdateOrganizationInput }): Promise<OrganizationView> {
  return api.patch(`/api/organizations/${encodeURIComponent(id)}`, body);
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      // The organisation name also shows in the current user's memberships.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
