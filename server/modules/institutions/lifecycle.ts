import type { ApplicationStatus, RoundStatus, RoundTransition } from '../../../common/api/institutions.js';

/** A round's life; every transition by a certifier (institution:certify). */
export const ROUND_TRANSITION_TABLE: Record<RoundTransition, { from: readonly RoundStatus[]; to: RoundStatus }> = {
  /** Applications close; submitted ones passing every threshold go to scoring, the others are ineligible. */
  close_applications: { from: ['open'], to: 'reviewing' },
  /** Every application in scoring is complete; results published with a notice period (working days). */
  publish: { from: ['reviewing'], to: 'notice' },
  /** After the notice period: titles granted for the term; holders' yearly check counted. */
  finalise: { from: ['notice'], to: 'final' },
};

export type ApplicationTransition = 'submit' | 'withdraw' | 'admit' | 'reject_ineligible' | 'approve' | 'not_approve';
export type ApplicationParty = 'applicant' | 'system';

/** An application's life: the applicant submits and withdraws; the round's transitions move the rest. */
export const APPLICATION_TRANSITION_TABLE: Record<
  ApplicationTransition,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: ApplicationParty; roundIn: readonly RoundStatus[] }
> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant', roundIn: ['open'] },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', by: 'applicant', roundIn: ['open'] },
  admit: { from: ['submitted'], to: 'scoring', by: 'system', roundIn: ['open'] },
  reject_ineligible: { from: ['submitted'], to: 'ineligible', by: 'system', roundIn: ['open'] },
  approve: { from: ['scoring'], to: 'approved', by: 'system', roundIn: ['reviewing'] },
  not_approve: { from: ['scoring'], to: 'not_approved', by: 'system', roundIn: ['reviewing'] },
};

export function roundTransitionAllowed(name: RoundTransition, status: RoundStatus): boolean {
  return ROUND_TRANSITION_TABLE[name].from.includes(status);
}

export function applicationTransitionAllowed(name: ApplicationTransition, status: ApplicationStatus, round: RoundStatus): boolean {
  const t = APPLICATION_TRANSITION_TABLE[name];
  return t.from.includes(status) && t.roundIn.includes(round);
}
