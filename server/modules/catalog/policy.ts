import type { RecordAction } from '../../../common/api/catalog.js';
import type { RecordStatus } from '../../../common/catalog.js';
import type { Actor } from '../../lib/actor.js';
import { EDITABLE, TRANSITIONS, transitionAllowed, type Party, type RecordKind, type TransitionName } from './lifecycle.js';

import { reachesOrganization, reachesRegion, recordScope, scopeSees } from './visibility.js';

export interface RecordFacts {
  kind: RecordKind;
  organizationId: string;
  regionPath: string;
  status: RecordStatus;
  restricted: boolean;
}

/** The parties the actor is for this record. */
export function partiesFor(actor: Actor, r: RecordFacts): Party[] {
  if (actor.kind === 'system') return ['system', 'reviewer', 'owner'];
  const scope = recordScope(actor);
  const parties: Party[] = [];
  if (reachesOrganization(scope.own, r.organizationId)) parties.push('owner');
  if (reachesRegion(scope.review, r.regionPath)) parties.push('reviewer');
  return parties;
}

/** May the actor see the record at all? If not, it answers 404. The rule is visibility.ts's, shared with search. */
export function canSeeRecord(actor: Actor, r: RecordFacts): boolean {
  return scopeSees(recordScope(actor), r);
}

/** Contacts are for logged-in members only. */
export function canSeeContacts(actor: Actor): boolean {
  return actor.kind !== 'anonymous';
}

export function recordActions(actor: Actor, r: RecordFacts): RecordAction[] {
  const parties = partiesFor(actor, r);
  const actions: RecordAction[] = [];
  if (parties.includes('owner') && EDITABLE.includes(r.status)) actions.push('edit');
  for (const name of ['submit', 'approve', 'return', 'publish', 'withdraw', 'close'] as const satisfies readonly TransitionName[]) {
    if (transitionAllowed(name, r.kind, r.status, parties)) actions.push(name);
  }
  return actions;
}

export { TRANSITIONS };
