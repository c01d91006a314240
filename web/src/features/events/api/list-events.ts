import { useQuery } from '@tanstack/react-query';
import type { EventSummary } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export type EventsWhen = 'upcoming' | 'past' | 'all';

export function listEvents(when: EventsWhen, limit: number, signal?: AbortSignal): Promise<{ items: EventSummary[] }> {
  return api.get('/api/events', { when, limit }, signal);
}

export function useEvents(when: EventsWhen, limit = 50) {
  return useQuery({ queryKey: ['events', 'list', when, limit], queryFn: ({ signal }) => listEvents(when, limit, signal), retry: false });
}
