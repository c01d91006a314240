import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationView, ReviewOrganizationBody } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export type ReviewDecision = z.input<typeof ReviewOrganizationBody>['decision'];
export type ReviewInput = z.input<typeof ReviewOrganizationBody>;

export function reviewOrganization({ id, body }: { id: string; body: ReviewInput }): Promise<OrganizationView> {
  return api.post(`/api/organizations/${encodeURIComponent(id)}/review`, body);
}

export function useReviewOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] }),
  });
}
