/**
 * Who is who on a challenge — one definition used for single records and for lists. Sponsor: a
 * member (org_member, org_admin, broker) of the sponsoring organisation. Staff: challenge:manage —
 * platform admins everywhere, government officers for sponsors in their region.
 */
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import type { ChallengeStatus } from '../../../common/api/challenges.js';
import { PUBLIC_STATUSES, type Side } from './lifecycle.js';
import type { challenges } from './schema.js';

export type ChallengeRow = typeof challenges.$inferSelect;

export const ORG_ROLES = ['org_member', 'org_admin', 'broker'] as const;
export const myOrganizations = (actor: Actor) => (actor.kind === 'user' ? organizationIdsOf(actor, [...ORG_ROLES]) : []);

export function isStaff(actor: Actor, row: Pick<ChallengeRow, 'regionPath'>): boolean {
  if (!can(actor, 'challenge:manage')) return false;
  return isPlatformAdmin(actor) || inRegionScope(actor, row.regionPath);
}

export function isSponsor(actor: Actor, row: Pick<ChallengeRow, 'organizationId'>): boolean {
  return myOrganizations(actor).includes(row.organizationId);
}

export function sidesOf(actor: Actor, row: ChallengeRow): Side[] {
  const sides: Side[] = [];
  if (isSponsor(actor, row) && can(actor, 'challenge:sponsor')) sides.push('sponsor');
  if (isStaff(actor, row)) sides.push('staff');
  return sides;
}

export const isPublic = (row: Pick<ChallengeRow, 'status'>) => PUBLIC_STATUSES.includes(row.status as ChallengeStatus);

/** Published challenges are public; drafts, screening, rejected and cancelled ones only to the sponsor and staff. */
export function canSeeChallenge(actor: Actor, row: ChallengeRow): boolean {
  return isPublic(row) || isSponsor(actor, row) || isStaff(actor, row);
}

/** The sponsor's name is hidden from the public and the solvers when it chose anonymity; staff know it. */
export function mayKnowSponsor(actor: Actor, row: ChallengeRow): boolean {
  return !row.sponsorAnonymous || isSponsor(actor, row) || isStaff(actor, row);
}
