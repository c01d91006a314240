import type { z } from 'zod';
import type { AssignRoleBody, ListUsersQuery, UpdateUserBody } from '../../../common/api/admin.js';
import type { Db } from '../../db/client.js';
import { findUser, listUsersPage, revokeSessionsOf, updateUserFlags, type UserRow } from '../identity/repository.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { clearCounter } from '../../lib/throttle.js';
import { loadGrantRows } from '../identity/grants.js';
import { assignRole, removeRole } from '../identity/roles.js';

export async function listUsers(opts: { db: Db; actor: Actor; query: z.infer<typeof ListUsersQuery> }) {
  requirePermission(opts.actor, 'user:read_all');
  const { rows, total } = await listUsersPage(opts.db, { q: opts.query.q, limit: opts.query.limit, offset: opts.query.offset });
  const grants = await loadGrantRows(
    opts.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((u) => ({ user: u, grants: grants.get(u.id) ?? [] })), total };
}

async function requireUserRow(db: Db, id: string) {
  const u = await findUser(db, id);
  if (!u) throw AppError.notFound('User');
  return u;
}

async function userWithGrants(db: Db, id: string) {
  const user = await requireUserRow(db, id);
  return { user, grants: (await loadGrantRows(db, [id])).get(id) ?? [] };
}

export async function assignUserRole(opts: { db: Db; actor: Actor; userId: string; input: z.infer<typeof AssignRoleBody> }) {
  requirePermission(opts.actor, 'user:manage');
  await requireUserRow(opts.db, opts.userId);
  await opts.db.transaction((tx) => assignRole(tx, opts.actor, { userId: opts.userId, ...opts.input }));
  return userWithGrants(opts.db, opts.userId);
}

export async function removeUserRole(opts: { db: Db; actor: Actor; userId: string; grantId: string }) {
  requirePermission(opts.actor, 'user:manage');
  if (opts.userId === opts.actor.userId) {
    const rows = (await loadGrantRows(opts.db, [opts.userId])).get(opts.userId) ?? [];
    const target = rows.find((g) => g.id === opts.grantId);
    if (target?.role === 'platform_admin') throw AppError.conflict('You cannot remove your own platform admin role');
  }
  await opts.db.transaction((tx) => removeRole(tx, opts.actor, { grantId: opts.grantId, userId: opts.userId }));
  return userWithGrants(opts.db, opts.userId);
}

export async function updateUser(opts: { db: Db; actor: Actor; userId: string; input: z.infer<typeof UpdateUserBody> }) {
  requirePermission(opts.actor, 'user:manage');
  const u = await requireUserRow(opts.db, opts.userId);
  if (opts.input.disabled && u.id === opts.actor.userId) throw AppError.conflict('You cannot disable yourself');
  await opts.db.transaction(async (tx) => {
    const patch: Partial<Pick<UserRow, 'disabled' | 'lockedUntil' | 'failedLogins'>> = {};
    if (opts.input.disabled !== undefined) patch.disabled = opts.input.disabled;
    if (opts.input.unlock) Object.assign(patch, { lockedUntil: null, failedLogins: 0 });
    if (Object.keys(patch).length === 0) return;
    await updateUserFlags(tx, u.id, patch);
    if (opts.input.disabled) await revokeSessionsOf(tx, u.id, clock.now());
    if (opts.input.unlock) await clearCounter(tx, `login:email:${u.email.toLowerCase()}`);
    await writeAudit(tx, opts.actor, {
      action: opts.input.unlock ? 'user.unlock' : 'user.update',
      entity: 'user',
      entityId: u.id,
      before: { disabled: u.disabled, lockedUntil: u.lockedUntil },
      after: { disabled: patch.disabled ?? u.disabled, lockedUntil: opts.input.unlock ? null : u.lockedUntil },
    });
  });
  return userWithGrants(opts.db, opts.userId);
}
