import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EventStatistics } from '../../../../../common/api/events';
import { api } from '../../../lib/api';

export function getEventStatistics(eventId: string, signal?: AbortSignal): Promise<z.infer<typeof EventStatistics>> {
  return api.get(`/api/events/${encodeURIComponent(eventId)}/statistics`, undefined, signal);
}

export function useEventStatistics(eventId: string) {
  return useQuery({ queryKey: ['events', 'statistics', eventId], queryFn: ({ signal }) => getEventStatistics(eventId, signal) });
}
