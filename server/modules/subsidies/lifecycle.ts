import type { ApplicationStatus, ApplicationTransition } from '../../../common/api/subsidies.js';

export type Party = 'applicant' | 'officer';

/**
 * The application's life, as the city's programmes run it: online application → district formal
 * check (return for correction) → expert review → approval meeting → public notice → payment.
 */
export const APPLICATION_TRANSITION_TABLE: Record<
  ApplicationTransition,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: Party }
> = {
  resubmit: { from: ['returned'], to: 'submitted', by: 'applicant' },
  withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', by: 'applicant' },
  return: { from: ['submitted'], to: 'returned', by: 'officer' },
  pass_check: { from: ['submitted'], to: 'in_review', by: 'officer' },
  complete_review: { from: ['in_review'], to: 'reviewed', by: 'officer' },
  approve: { from: ['reviewed'], to: 'approved', by: 'officer' },
  reject: { from: ['submitted', 'in_review', 'reviewed'], to: 'rejected', by: 'officer' },
  publish_notice: { from: ['approved'], to: 'noticed', by: 'officer' },
  record_payment: { from: ['noticed'], to: 'paid', by: 'officer' },
};

/** Applications that hold a claim on the programme (one live application per organisation and programme). */
export const LIVE: readonly ApplicationStatus[] = ['submitted', 'returned', 'in_review', 'reviewed', 'approved', 'noticed', 'paid'];
/** Applications whose approved amount counts against the organisation's cap for the year. */
export const GRANTED: readonly ApplicationStatus[] = ['approved', 'noticed', 'paid'];

export function transitionAllowed(name: ApplicationTransition, status: ApplicationStatus, party: Party): boolean {
  const t = APPLICATION_TRANSITION_TABLE[name];
  return t.by === party && t.from.includes(status);
}
