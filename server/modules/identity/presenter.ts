import type { z } from 'zod';
import type { ApiTokenView, MeView, RoleGrantView, SessionView } from '../../../common/api/identity.js';
import type { apiTokens, sessions } from './schema.js';
import type { Actor } from '../../lib/actor.js';
import type { GrantRow } from './grants.js';
import type { Profile } from './service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentGrant(g: GrantRow): z.infer<typeof RoleGrantView> {
  return {
    role: g.role,
    organizationId: g.organizationId,
    organizationName: g.organizationName,
    regionCode: g.regionCode,
    regionName: g.regionName,
  };
}

export function presentMe(opts: { user: Profile['user']; grants: GrantRow[]; actor: Actor; csrfToken: string | null }): MeView {
  const memberships = new Map<string, MeView['memberships'][number]>();
  for (const g of opts.grants) {
    if (!g.organizationId) continue;
    const m = memberships.get(g.organizationId) ?? {
      organizationId: g.organizationId,
      organizationName: g.organizationName ?? '',
      organizationStatus: g.organizationStatus ?? 'pending',
      roles: [],
    };
    m.roles.push(g.role);
    memberships.set(g.organizationId, m);
  }
  return {
    user: { id: opts.user.id, email: opts.user.email, name: opts.user.name, locale: opts.user.locale },
    grants: opts.grants.map(presentGrant),
    memberships: [...memberships.values()],
    permissions: [...opts.actor.permissions].sort(),
    csrfToken: opts.csrfToken,
    via: opts.actor.via === 'token' ? 'token' : 'session',
  };
}

export function presentSession(s: typeof sessions.$inferSelect, currentId: string | null): z.infer<typeof SessionView> {
  return {
    id: s.id.slice(0, 16),
    current: s.id === currentId,
    ip: s.ip,
    userAgent: s.userAgent,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  };
}

export function presentApiToken(t: typeof apiTokens.$inferSelect): z.infer<typeof ApiTokenView> {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    expiresAt: iso(t.expiresAt),
    revokedAt: iso(t.revokedAt),
  };
}
