import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegistrationView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export function cancelRegistration(id: string): Promise<RegistrationView> {
  return api.post(`/api/event-registrations/${encodeURIComponent(id)}/cancel`);
}

export function useCancelRegistration() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelRegistration, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }) });
}
