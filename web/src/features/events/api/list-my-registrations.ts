import { useQuery } from '@tanstack/react-query';
import type { RegistrationView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export function listMyRegistrations(signal?: AbortSignal): Promise<{ items: RegistrationView[] }> {
  return api.get('/api/me/event-registrations', undefined, signal);
}

export function useMyRegistrations() {
  return useQuery({ queryKey: ['events', 'my-registrations'], queryFn: ({ signal }) => listMyRegistrations(signal) });
}
