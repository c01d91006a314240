import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ServiceRequestView, TransitionBody } from '../../../../../common/api/services';
import { api } from '../../../lib/api';

export function transitionServiceRequest({ id, body }: { id: string; body: z.input<typeof TransitionBody> }): Promise<ServiceRequestView> {
  return api.post(`/api/service-requests/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionServiceRequest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transitionServiceRequest, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['services'] }) });
}
