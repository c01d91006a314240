import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { myAssignmentsKey } from './list-my-assignments';

/** Declare a conflict of interest (回避) or decline: I am excused and a replacement is drawn. */
export function excuseFromPanel(input: { panelId: string; kind: 'conflict' | 'decline'; reason: string }): Promise<{ replaced: boolean }> {
  return api.post(`/api/panels/${encodeURIComponent(input.panelId)}/${input.kind}`, { reason: input.reason });
}

export function useExcuseFromPanel() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: excuseFromPanel, onSuccess: () => queryClient.invalidateQueries({ queryKey: myAssignmentsKey }) });
}
