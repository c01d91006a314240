import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type Notification = z.infer<typeof NotificationView>;

export function listNotifications(signal?: AbortSignal): Promise<{ items: Notification[]; unread: number }> {
  return api.get('/api/me/notifications', undefined, signal);
}

/** My notifications, refreshed every minute while the page is open. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => listNotifications(signal),
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}
