import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProposalBody, ProposalView } from '../../../../../common/api/challenges';
import { api } from '../../../lib/api';

export function submitProposal({ id, body }: { id: string; body: z.input<typeof ProposalBody> }): Promise<ProposalView> {
  return api.post(`/api/challenges/${encodeURIComponent(id)}/proposals`, body);
}

export function useSubmitProposal() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitProposal, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['challenges'] }) });
}
