import type { RecordStatus } from '../../../common/catalog.js';

export type RecordKind = 'achievement' | 'demand';
export type TransitionName =
  'submit' | 'approve' | 'return' | 'publish' | 'withdraw' | 'close' | 'start_trade' | 'end_trade' | 'complete_transfer';
/** Who may fire a transition: the owning organisation, a reviewer in scope, or the platform (trading). */
export type Party = 'owner' | 'reviewer' | 'system';

export interface Transition {
  from: readonly RecordStatus[];
  to: RecordStatus;
  by: readonly Party[];
  kinds: readonly RecordKind[];
  reasonRequired?: boolean;
}

const BOTH: RecordKind[] = ['achievement', 'demand'];

/** The lifecycle of achievements and demands, as one table. Every transition is audited. */
export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: { from: ['draft', 'returned', 'withdrawn'], to: 'submitted', by: ['owner'], kinds: BOTH },
  approve: { from: ['submitted'], to: 'approved', by: ['reviewer'], kinds: BOTH },
  return: { from: ['submitted'], to: 'returned', by: ['reviewer'], kinds: BOTH, reasonRequired: true },
  publish: { from: ['approved'], to: 'published', by: ['owner', 'reviewer'], kinds: BOTH },
  withdraw: { from: ['draft', 'submitted', 'returned', 'approved', 'published'], to: 'withdrawn', by: ['owner'], kinds: BOTH },
  close: { from: ['published'], to: 'closed', by: ['owner'], kinds: ['demand'] },
  // Driven by the trading module, never by a person directly.
  start_trade: { from: ['published'], to: 'in_trade', by: ['system'], kinds: ['achievement'] },
  end_trade: { from: ['in_trade'], to: 'published', by: ['system'], kinds: ['achievement'] },
  complete_transfer: { from: ['in_trade'], to: 'transferred', by: ['system'], kinds: ['achievement'] },
};

/** Statuses in which the owner may still edit the record. */
export const EDITABLE: readonly RecordStatus[] = ['draft', 'returned', 'withdrawn'];
/** Statuses the public can see (unless the record is restricted). */
export const PUBLIC_STATUSES: readonly RecordStatus[] = ['published', 'in_trade', 'transferred', 'closed'];

export function transitionAllowed(name: TransitionName, kind: RecordKind, status: RecordStatus, parties: Party[]): boolean {
  const t = TRANSITIONS[name];
  return t.kinds.includes(kind) && t.from.includes(status) && t.by.some((p) => parties.includes(p));
}
