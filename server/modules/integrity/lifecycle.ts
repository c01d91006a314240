import type { IntegrityStatus, IntegrityTransition } from '../../../common/integrity.js';

/** Who fires a transition: the party (an admin of the organisation concerned) or an officer in scope. */
export type IntegrityParty = 'party' | 'officer';

/** An integrity record's life, as one table: one appeal, decided by an officer. Audited, row locked. */
export const INTEGRITY_TRANSITION_TABLE: Record<
  IntegrityTransition,
  { from: readonly IntegrityStatus[]; to: IntegrityStatus; by: IntegrityParty }
> = {
  appeal: { from: ['recorded'], to: 'under_appeal', by: 'party' },
  dismiss_appeal: { from: ['under_appeal'], to: 'confirmed', by: 'officer' },
  uphold_appeal: { from: ['under_appeal'], to: 'revoked', by: 'officer' },
};

export function integrityTransitionAllowed(
  name: IntegrityTransition,
  status: IntegrityStatus,
  parties: readonly IntegrityParty[],
): boolean {
  const t = INTEGRITY_TRANSITION_TABLE[name];
  return t.from.includes(status) && parties.includes(t.by);
}
