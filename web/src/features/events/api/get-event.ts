import { useQuery } from '@tanstack/react-query';
import type { EventView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export const eventQueryKey = (id: string) => ['events', 'one', id] as const;

export function getEvent(id: string, signal?: AbortSignal): Promise<EventView> {
  return api.get(`/api/events/${encodeURIComponent(id)}`, undefined, signal);
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventQueryKey(id), queryFn: ({ signal }) => getEvent(id, signal) });
}
