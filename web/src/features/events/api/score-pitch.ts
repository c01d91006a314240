import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventView } from '../../../../../common/api/events';
import { api } from '../../../lib/api';
import { eventQueryKey } from './get-event';

export function scorePitch(p: {
  eventId: string;
  projectId: string;
  scores: Record<string, number>;
  comment?: string;
}): Promise<EventView> {
  return api.post(`/api/events/${encodeURIComponent(p.eventId)}/projects/${encodeURIComponent(p.projectId)}/scores`, {
    scores: p.scores,
    comment: p.comment,
  });
}

export function useScorePitch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: scorePitch, onSuccess: (view) => queryClient.setQueryData(eventQueryKey(view.id), view) });
}
