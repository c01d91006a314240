import type { DisclosureStatus, DisclosureTransition } from '../../../common/api/disclosures.js';

/** submitter: who filed it (a researcher of the organisation); tto: the organisation's TTO staff (disclosure:manage). */
export type DisclosureParty = 'submitter' | 'tto';

export const DISCLOSURE_TRANSITION_TABLE: Record<
  DisclosureTransition | 'decide',
  { from: readonly DisclosureStatus[]; to: DisclosureStatus; by: DisclosureParty }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'submitter' },
  withdraw: { from: ['draft', 'returned', 'submitted'], to: 'withdrawn', by: 'submitter' },
  return: { from: ['submitted', 'assessing'], to: 'returned', by: 'tto' },
  start_assessment: { from: ['submitted'], to: 'assessing', by: 'tto' },
  decide: { from: ['assessing'], to: 'decided', by: 'tto' },
};

export const EDITABLE: readonly DisclosureStatus[] = ['draft', 'returned'];
/** Waiting for the TTO's decision: the service level's clock runs. */
export const AWAITING_DECISION: readonly DisclosureStatus[] = ['submitted', 'assessing'];
