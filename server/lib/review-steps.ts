import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import type { Actor } from './actor.js';
import { clock } from './clock.js';
import { AppError } from './errors.js';
import { newId } from './ids.js';
import { reviewSteps } from './schema.js';

/**
 * The review trail of a record: every step a reviewer takes (approve, return, reject, refuse, certify,
 * …) with the reviewer and the reason, kept beside the record so it is shown with it. A refusal or a
 * return without a reason is refused here, whichever module asks (`reasonRequired`).
 */
export interface ReviewStep {
  step: string;
  reviewerId: string | null;
  reviewerName: string | null;
  reason: string | null;
  at: Date;
}

export async function recordReviewStep(
  tx: DbOrTx,
  actor: Actor,
  input: { entity: string; entityId: string; step: string; reason?: string | null; reasonRequired?: boolean; reasonField?: string },
): Promise<void> {
  const reason = input.reason?.trim() || null;
  if (input.reasonRequired && !reason) throw AppError.validation(input.reasonField ?? 'body.reason', `is required to ${input.step}`);
  await tx.insert(reviewSteps).values({
    id: newId(),
    entity: input.entity,
    entityId: input.entityId,
    step: input.step,
    reviewerId: actor.userId,
    reason,
    at: clock.now(),
  });
}

/** The steps of one record, oldest first, with the reviewers' display names. */
export async function reviewStepsOf(db: DbOrTx, entity: string, entityId: string): Promise<ReviewStep[]> {
  const rows = await queryRows<{
    step: string;
    reviewer_id: string | null;
    reviewer_name: string | null;
    reason: string | null;
    at: Date | string;
  }>(
    db,
    sql`SELECT s.step, s.reviewer_id, u.name AS reviewer_name, s.reason, s.at
        FROM review_steps s LEFT JOIN users u ON u.id = s.reviewer_id
        WHERE s.entity = ${entity} AND s.entity_id = ${entityId} ORDER BY s.at, s.id`,
  );
  return rows.map((r) => ({
    step: r.step,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    reason: r.reason,
    at: new Date(r.at),
  }));
}

export const presentReviewSteps = (steps: ReviewStep[]) =>
  steps.map((s) => ({ step: s.step, reviewerName: s.reviewerName, reason: s.reason, at: s.at.toISOString() }));
