import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationView } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

export type TodoItem = z.infer<typeof NotificationView>;

/** Unread notifications that need my action (a returned record, a new negotiation message…). */
export function listTodo(signal?: AbortSignal): Promise<{ items: TodoItem[] }> {
  return api.get('/api/me/notifications', { needsAction: 'true', limit: 20 }, signal);
}

export function useTodo() {
  return useQuery({ queryKey: ['notifications', 'todo'], queryFn: ({ signal }) => listTodo(signal), refetchInterval: 60_000 });
}

/** Done: the item leaves the list (it is marked read). */
export function useDismissTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/me/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
