import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PolicyView } from '../../../../../common/api/policies';
import { api } from '../../../lib/api';

export function publishPolicy(id: string): Promise<PolicyView & { notifiedOrganizations: number }> {
  return api.post(`/api/policies/${encodeURIComponent(id)}/publish`);
}

export function usePublishPolicy() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: publishPolicy, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['policies'] }) });
}
