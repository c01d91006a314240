import { can, governedRegionPaths, isPlatformAdmin, organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/** An institution's own admins (org_admin with institution:update_own) act for it. */
export function ownsInstitution(actor: Actor, organizationId: string): boolean {
  return can(actor, 'institution:update_own') && organizationIdsOf(actor, ['org_admin']).includes(organizationId);
}

export function requireOwnInstitution(actor: Actor, organizationId: string): void {
  requirePermission(actor, 'institution:update_own');
  if (!ownsInstitution(actor, organizationId)) throw AppError.forbidden('You act only for your own institution');
}

/**
 * Rounds are city-wide: certifiers are platform admins and officers governing a top-level region
 * (a district officer has institution:certify for nothing here).
 */
export function isCertifier(actor: Actor): boolean {
  if (!can(actor, 'institution:certify')) return false;
  if (isPlatformAdmin(actor)) return true;
  return governedRegionPaths(actor).some((p) => p.split('/').filter(Boolean).length === 1);
}

export function requireCertifier(actor: Actor): void {
  requirePermission(actor, 'institution:certify');
  if (!isCertifier(actor)) throw AppError.forbidden('Demonstration rounds are run by the city');
}
