import type { Role } from '../../../common/roles.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import type { Party } from './lifecycle.js';

/** Roles that act for an organisation in trading (the same as filing in the catalogue). */
export const TRADER_ROLES: Role[] = ['org_member', 'org_admin', 'broker'];

/** Organisations the actor may sell for (trade:initiate). */
export function sellerOrgIds(actor: Actor): string[] {
  return can(actor, 'trade:initiate') && actor.kind === 'user' ? organizationIdsOf(actor, TRADER_ROLES) : [];
}

/** Organisations the actor may buy or bid for (trade:participate). */
export function buyerOrgIds(actor: Actor): string[] {
  return can(actor, 'trade:participate') && actor.kind === 'user' ? organizationIdsOf(actor, TRADER_ROLES) : [];
}

export const isStaff = (actor: Actor) => actor.kind === 'user' && can(actor, 'trade:staff');

/** An official over the trade's region: an officer whose subtree holds it, or a platform admin. */
export function isOfficialFor(actor: Actor, regionPath: string): boolean {
  if (actor.kind !== 'user' || !can(actor, 'trade:oversee')) return false;
  return isPlatformAdmin(actor) || inRegionScope(actor, regionPath);
}

export interface TradeFacts {
  /** The selling organisation. */
  organizationId: string;
  regionPath: string;
  /** The buying organisation(s) the record is about, when there is one (intent, registration, deal, notice). */
  buyerOrganizationIds?: string[];
}

/** Who the actor is for a trade record. The system is every party. */
export function partiesFor(actor: Actor, t: TradeFacts): Party[] {
  if (actor.kind === 'system') return ['system', 'owner', 'buyer', 'staff', 'official'];
  const parties: Party[] = [];
  if (sellerOrgIds(actor).includes(t.organizationId)) parties.push('owner');
  const buyers = buyerOrgIds(actor);
  if (t.buyerOrganizationIds?.some((id) => buyers.includes(id))) parties.push('buyer');
  if (isStaff(actor)) parties.push('staff');
  if (isOfficialFor(actor, t.regionPath)) parties.push('official');
  return parties;
}

/** Staff, officials in scope and the parties may see the people behind a record; the public sees numbers. */
export function seesIdentities(parties: Party[]): boolean {
  return parties.includes('staff') || parties.includes('official') || parties.includes('system');
}
