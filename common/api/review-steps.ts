import { z } from 'zod';

/** One review step on a record: the decision, who took it, why, when (server/lib/review-steps.ts). */
export const ReviewStepView = z.object({
  step: z.string(),
  reviewerName: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type ReviewStepView = z.infer<typeof ReviewStepView>;
