import { useQuery } from '@tanstack/react-query';
import type { RegistrationView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

/** The organiser's list of an event's registrations. */
export function listEventRegistrations(eventId: string, signal?: AbortSignal): Promise<{ items: RegistrationView[] }> {
  return api.get(`/api/events/${encodeURIComponent(eventId)}/registrations`, undefined, signal);
}

export function useEventRegistrations(eventId: string) {
  return useQuery({ queryKey: ['events', 'registrations', eventId], queryFn: ({ signal }) => listEventRegistrations(eventId, signal) });
}
