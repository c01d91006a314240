import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InstitutionView, ProfileBody } from '../../../../../common/api/institutions';
import { api } from '../../../lib/api';
import { institutionQueryKey } from './get-institution';

export function updateProfile({ id, body }: { id: string; body: z.input<typeof ProfileBody> }): Promise<InstitutionView> {
  return api.put(`/api/institutions/${encodeURIComponent(id)}/profile`, body);
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProfile, onSuccess: (view) => queryClient.setQueryData(institutionQueryKey(view.id), view) });
}
