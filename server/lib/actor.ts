import { permissionsOf, type Permission, type Role } from '../../common/roles.js';
import { AppError } from './errors.js';

export interface RoleGrant {
  role: Exclude<Role, 'public'>;
  organizationId: string | null;
  regionCode: string | null;
  /** For region-scoped grants: the materialised path of the region (`/120000/120116/`). */
  regionPath: string | null;
}

/** Who is acting: a logged-in user (session or API token), or an anonymous visitor; or the system. */
export interface Actor {
  kind: 'anonymous' | 'user' | 'system';
  userId: string | null;
  email: string | null;
  grants: RoleGrant[];
  permissions: Set<Permission>;
  via: 'session' | 'token' | 'none' | 'system';
  sessionId: string | null;
  tokenId: string | null;
  requestId: string | null;
}

export const anonymousActor = (requestId: string | null = null): Actor => ({
  kind: 'anonymous',
  userId: null,
  email: null,
  grants: [],
  permissions: new Set(),
  via: 'none',
  sessionId: null,
  tokenId: null,
  requestId,
});

/** The platform itself (boot-time admin creation, seeding, scheduled jobs). */
export const systemActor = (label = 'system'): Actor => ({
  kind: 'system',
  userId: null,
  email: label,
  grants: [],
  permissions: new Set(),
  via: 'system',
  sessionId: null,
  tokenId: null,
  requestId: null,
});

export function buildUserActor(opts: {
  userId: string;
  email: string;
  grants: RoleGrant[];
  via: 'session' | 'token';
  sessionId?: string | null;
  tokenId?: string | null;
  scopes?: string[] | null;
  requestId?: string | null;
}): Actor {
  let permissions = permissionsOf(opts.grants.map((g) => g.role));
  if (opts.scopes) permissions = new Set([...permissions].filter((p) => opts.scopes!.includes(p)));
  return {
    kind: 'user',
    userId: opts.userId,
    email: opts.email,
    grants: opts.grants,
    permissions,
    via: opts.via,
    sessionId: opts.sessionId ?? null,
    tokenId: opts.tokenId ?? null,
    requestId: opts.requestId ?? null,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || actor.permissions.has(permission);
}

/** Deny by default: throws unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!can(actor, permission)) throw AppError.forbidden(`Missing permission ${permission}`);
}

export function requireUser(actor: Actor): asserts actor is Actor & { userId: string } {
  if (actor.kind !== 'user' || !actor.userId) throw new AppError('unauthenticated');
}

/** Organisations the actor belongs to (any organisation-scoped role). */
export function organizationIdsOf(actor: Actor, roles?: Role[]): string[] {
  const ids = actor.grants.filter((g) => g.organizationId && (!roles || roles.includes(g.role))).map((g) => g.organizationId!);
  return [...new Set(ids)];
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || actor.grants.some((g) => g.role === 'platform_admin');
}

/** Region paths the actor governs (gov_officer grants); a record in any subtree is in scope. */
export function governedRegionPaths(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'gov_officer' && g.regionPath).map((g) => g.regionPath!);
}

export function inRegionScope(actor: Actor, regionPath: string): boolean {
  return governedRegionPaths(actor).some((root) => regionPath.startsWith(root));
}
