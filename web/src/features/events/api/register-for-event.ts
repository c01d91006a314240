import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegistrationView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export function registerForEvent(eventId: string): Promise<RegistrationView> {
  return api.post(`/api/events/${encodeURIComponent(eventId)}/registrations`, {});
}

export function useRegisterForEvent() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: registerForEvent, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }) });
}
