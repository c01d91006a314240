import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServiceRequestView } from '../../../../../common/api/services';
import { api } from '../../../lib/api';

export function createServiceRequest(body: { offeringId: string; description: string }): Promise<ServiceRequestView> {
  return api.post('/api/service-requests', body);
}

export function useCreateServiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['services', 'mine'] }),
  });
}
