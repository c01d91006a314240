import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractView, ExpertReviewBody } from '../../../../../common/api/contracts';
import { apiRequest } from '../../../lib/api';
import { contractQueryKey } from './get-contract';

export type ExpertReview = z.input<typeof ExpertReviewBody>;

export function recordExpertReview({ id, body }: { id: string; body: ExpertReview }): Promise<ContractView> {
  return apiRequest(`/api/contracts/${encodeURIComponent(id)}/expert-review`, { method: 'PUT', body });
}

export function useRecordExpertReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordExpertReview,
    onSuccess: (view) => queryClient.setQueryData(contractQueryKey(view.id), view),
  });
}
