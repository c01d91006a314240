import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignmentView } from '../../../../../common/api/experts';
import { api } from '../../../lib/api';
import { myAssignmentsKey } from './list-my-assignments';

export function submitScores(input: { panelId: string; scores: Record<string, number>; comment?: string }): Promise<AssignmentView> {
  return api.post(`/api/panels/${encodeURIComponent(input.panelId)}/scores`, { scores: input.scores, comment: input.comment });
}

export function useSubmitScores() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitScores, onSuccess: () => queryClient.invalidateQueries({ queryKey: myAssignmentsKey }) });
}
