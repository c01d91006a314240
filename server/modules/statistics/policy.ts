import { can, governedRegionPaths, isPlatformAdmin, type Actor } from '../../lib/actor.js';

/**
 * Who sees which statistics. Platform admins and contract registrars (registration points serve
 * the whole city, and they hold no region grant) see every region; a government officer sees the
 * subtrees of the regions their grants name; anyone else sees nothing. Returns null for "every
 * region", else the region paths the actor may look at.
 */
export function statisticsRoots(actor: Actor): string[] | null {
  if (!can(actor, 'stats:read')) return [];
  if (isPlatformAdmin(actor) || actor.grants.some((g) => g.role === 'registrar')) return null;
  return governedRegionPaths(actor);
}

export function mayReadRegion(actor: Actor, regionPath: string): boolean {
  const roots = statisticsRoots(actor);
  return roots === null || roots.some((r) => regionPath.startsWith(r));
}

/** Targets: officers in their region subtree, platform admins everywhere (registrars read them only). */
export function maySetTarget(actor: Actor, regionPath: string): boolean {
  if (!can(actor, 'stats:target')) return false;
  if (isPlatformAdmin(actor)) return true;
  return governedRegionPaths(actor).some((r) => regionPath.startsWith(r));
}

/** The region code a path ends in (`/120000/120116/` → `120116`). */
export const codeOfPath = (path: string): string => path.split('/').filter(Boolean).pop() ?? '';
