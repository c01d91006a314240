import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegistrationView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export function checkIn({ eventId, ticket }: { eventId: string; ticket: string }): Promise<RegistrationView> {
  return api.post(`/api/events/${encodeURIComponent(eventId)}/check-in`, { ticket });
}

export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: checkIn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }) });
}
