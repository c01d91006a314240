import { useQuery } from '@tanstack/react-query';
import type { EventSummary } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

/** The next roadshows and exhibitions, for the home page's event column. */
export function getUpcomingEvents(limit: number, signal?: AbortSignal): Promise<{ items: EventSummary[] }> {
  return api.get('/api/events', { when: 'upcoming', limit }, signal);
}

export function useUpcomingEvents(limit = 5) {
  return useQuery({ queryKey: ['events', 'upcoming', limit], queryFn: ({ signal }) => getUpcomingEvents(limit, signal), retry: false });
}
