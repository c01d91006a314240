import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';
import { eventQueryKey } from './get-event';

export function recordIntent(p: { eventId: string; projectId: string; kind: string; note?: string }): Promise<EventView> {
  return api.post(`/api/events/${encodeURIComponent(p.eventId)}/projects/${encodeURIComponent(p.projectId)}/intents`, {
    kind: p.kind,
    note: p.note,
  });
}

export function useRecordIntent() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordIntent, onSuccess: (view) => queryClient.setQueryData(eventQueryKey(view.id), view) });
}
