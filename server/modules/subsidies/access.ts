import type { DbOrTx } from '../../db/client.js';
import { can, inRegionScope, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { findOrganization, findRegion } from '../organizations/repository.js';

export const MEMBER_ROLES = ['org_member', 'org_admin', 'broker'] as const;

export const isMemberOf = (actor: Actor, organizationId: string) => organizationIdsOf(actor, [...MEMBER_ROLES]).includes(organizationId);

/** An officer of a region covering `regionPath` (their district or the city), or a platform admin. */
export const officerCovers = (actor: Actor, regionPath: string) =>
  can(actor, 'subsidy:administer') && (isPlatformAdmin(actor) || inRegionScope(actor, regionPath));

export async function organizationWithRegion(db: DbOrTx, organizationId: string) {
  const org = await findOrganization(db, organizationId);
  if (!org) return null;
  const region = await findRegion(db, org.regionCode);
  return { org, regionPath: region?.path ?? `/${org.regionCode}/`, regionName: region?.name ?? org.regionCode };
}

/** The organisation the actor speaks for: the one named (must be theirs), or their only one. */
export function speakingFor(actor: Actor, named: string | undefined, field = 'body.organizationId'): string {
  const mine = organizationIdsOf(actor, [...MEMBER_ROLES]);
  const id = named ?? (mine.length === 1 ? mine[0] : undefined);
  if (!id) throw AppError.validation(field, mine.length ? 'name the organisation you speak for' : 'you belong to no organisation');
  if (!mine.includes(id)) throw AppError.forbidden('You can only act for your own organisation');
  return id;
}
