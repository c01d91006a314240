import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TransitionBody } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';
import type { ReviewKind, ReviewRecord } from './list-review-queue';

/** A reviewer's decision (approve, return with a reason, publish) on a record in the queue. */
export function reviewRecord({
  kind,
  id,
  body,
}: {
  kind: ReviewKind;
  id: string;
  body: z.input<typeof TransitionBody>;
}): Promise<ReviewRecord> {
  return api.post(`/api/${kind}/${encodeURIComponent(id)}/transitions`, body);
}

export function useReviewRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewRecord,
    onSuccess: (_view, { kind }) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['review', kind] }), queryClient.invalidateQueries({ queryKey: [kind] })]),
  });
}
