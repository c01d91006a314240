import type { RecordAction } from '../../../common/api/catalog.js';
import type { RecordStatus } from '../../../common/catalog.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import { EDITABLE, PUBLIC_STATUSES, TRANSITIONS, transitionAllowed, type Party, type RecordKind, type TransitionName } from './lifecycle.js';

export interface RecordFacts {
  kind: RecordKind;
  organizationId: string;
  regionPath: string;
  status: RecordStatus;
  restricted: boolean;
}

/** The parties the actor is for this record. */
export function partiesFor(actor: Actor, r: RecordFacts): Party[] {
  const parties: Party[] = [];
  if (actor.kind === 'system') return ['system', 'reviewer', 'owner'];
  if (can(actor, 'catalog:file') && organizationIdsOf(actor, ['org_member', 'org_admin', 'broker']).includes(r.organizationId)) parties.push('owner');
  if (can(actor, 'catalog:review') && (isPlatformAdmin(actor) || inRegionScope(actor, r.regionPath))) parties.push('reviewer');
  return parties;
}

/** Government in scope (officers of the region, platform admins) sees restricted records too. */
function isGovernmentInScope(actor: Actor, r: RecordFacts): boolean {
  return isPlatformAdmin(actor) || (actor.grants.some((g) => g.role === 'gov_officer') && inRegionScope(actor, r.regionPath));
}

/**
 * May the actor see the record at all? If not, it answers 404. Drafts are the owner's own work;
 * reviewers see a record once it has been submitted; restricted records never reach the public.
 */
export function canSeeRecord(actor: Actor, r: RecordFacts): boolean {
  const parties = partiesFor(actor, r);
  if (parties.includes('owner')) return true;
  if (r.status === 'draft') return false;
  if (r.restricted) return isGovernmentInScope(actor, r);
  if (PUBLIC_STATUSES.includes(r.status)) return true;
  return parties.includes('reviewer');
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
