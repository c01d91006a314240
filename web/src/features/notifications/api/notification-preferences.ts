import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationPreferences } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type Preferences = z.infer<typeof NotificationPreferences>;
const key = ['notification-preferences'];

export function getNotificationPreferences(signal?: AbortSignal): Promise<Preferences> {
  return api.get('/api/me/notification-preferences', undefined, signal);
}

export function setNotificationPreferences(body: Preferences): Promise<Preferences> {
  return api.put('/api/me/notification-preferences', body);
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => getNotificationPreferences(signal) });
}

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setNotificationPreferences, onSuccess: (prefs) => queryClient.setQueryData(key, prefs) });
}
