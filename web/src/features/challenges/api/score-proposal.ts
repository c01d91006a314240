import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposalView } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export function scoreProposal(opts: {
  id: string;
  proposalId: string;
  scores: Record<string, number>;
  comment?: string;
}): Promise<ProposalView> {
  return api.put(`/api/challenges/${encodeURIComponent(opts.id)}/proposals/${encodeURIComponent(opts.proposalId)}/score`, {
    scores: opts.scores,
    comment: opts.comment,
  });
}

export function useScoreProposal() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: scoreProposal, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['challenges'] }) });
}
