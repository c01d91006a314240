import type { ChallengeStatus, ChallengeTransition } from '../../../common/api/challenges.js';

/** sponsor: a member of the sponsoring organisation; staff: challenge:manage (admins everywhere, officers in their region). */
export type Side = 'sponsor' | 'staff';

/** One table for a challenge's life: from which states, to which, by whom; `guard` names a time condition the service checks. */
export const CHALLENGE_TRANSITION_TABLE: Record<
  ChallengeTransition,
  {
    from: readonly ChallengeStatus[];
    to: ChallengeStatus;
    by: readonly Side[];
    guard?: 'before_registration_deadline' | 'after_submission_deadline';
  }
> = {
  submit_for_screening: { from: ['draft'], to: 'screening', by: ['sponsor', 'staff'] },
  return: { from: ['screening'], to: 'draft', by: ['staff'] },
  reject: { from: ['screening'], to: 'rejected', by: ['staff'] },
  publish: { from: ['screening'], to: 'published', by: ['staff'], guard: 'before_registration_deadline' },
  start_scoring: { from: ['published'], to: 'scoring', by: ['staff'], guard: 'after_submission_deadline' },
  shortlist: { from: ['scoring'], to: 'shortlisted', by: ['staff'] },
  schedule_roadshow: { from: ['shortlisted'], to: 'roadshow', by: ['staff'] },
  award: { from: ['shortlisted', 'roadshow'], to: 'awarded', by: ['staff'] },
  cancel: { from: ['draft', 'screening', 'published'], to: 'cancelled', by: ['sponsor', 'staff'] },
};

/** A sponsor may withdraw only what is not yet published; staff may also cancel a published challenge. */
export function challengeTransitionAllowed(name: ChallengeTransition, status: ChallengeStatus, sides: readonly Side[]): boolean {
  const t = CHALLENGE_TRANSITION_TABLE[name];
  if (!t.from.includes(status)) return false;
  if (name === 'cancel' && status === 'published') return sides.includes('staff');
  return t.by.some((s) => sides.includes(s));
}

/** Statuses the public sees (once published, whatever happened next). */
export const PUBLIC_STATUSES: readonly ChallengeStatus[] = ['published', 'scoring', 'shortlisted', 'roadshow', 'awarded'];
/** The sponsor may edit its challenge while drafting. */
export const EDITABLE: readonly ChallengeStatus[] = ['draft'];
/** States after scoring began, in which assigned experts see the proposals. */
export const SCORED_STATUSES: readonly ChallengeStatus[] = ['scoring', 'shortlisted', 'roadshow', 'awarded'];
/** States in which teams race in stages (赛马). */
export const RACING_STATUSES: readonly ChallengeStatus[] = ['shortlisted', 'roadshow', 'awarded'];
