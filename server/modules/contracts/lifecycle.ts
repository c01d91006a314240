import type { ContractStatus } from '../../../common/contracts.js';

/** Who fires a transition: the applicant organisation, a registrar of the contract's registration point, or the platform. */
export type Party = 'applicant' | 'registrar' | 'system';
export type TransitionName = 'submit' | 'withdraw' | 'return' | 'refuse' | 'certify' | 'amend' | 'cancel';

export interface Transition {
  from: readonly ContractStatus[];
  to: ContractStatus;
  by: readonly Party[];
}

/**
 * The application lifecycle, as one table. Every transition runs in one transaction with the contract
 * row locked and is written to the audit log. `amend` keeps the status and adds a version.
 */
export const TRANSITIONS: Record<TransitionName, Transition> = {
  // A complete application starts the registrar's clock; a resubmission restarts it.
  submit: { from: ['draft', 'returned'], to: 'submitted', by: ['applicant'] },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn', by: ['applicant'] },
  return: { from: ['submitted'], to: 'returned', by: ['registrar'] },
  refuse: { from: ['submitted'], to: 'refused', by: ['registrar'] },
  certify: { from: ['submitted'], to: 'certified', by: ['registrar'] },
  amend: { from: ['certified'], to: 'certified', by: ['registrar'] },
  cancel: { from: ['certified'], to: 'cancelled', by: ['registrar'] },
};

/** The applicant may edit the content (and attachments) only here. */
export const EDITABLE: readonly ContractStatus[] = ['draft', 'returned'];
/** Registered contracts: what officers in scope may read, and what carries a certificate. */
export const REGISTERED: readonly ContractStatus[] = ['certified', 'cancelled'];

export function transitionAllowed(name: TransitionName, status: ContractStatus, parties: readonly Party[]): boolean {
  const t = TRANSITIONS[name];
  return t.from.includes(status) && t.by.some((p) => parties.includes(p));
}
