/**
 * The SQL other modules need over users, sessions and role assignments (no business rules: callers
 * check access first). `organizationsWithRole` is a derived table for a join.
 */
import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { rateCounters, roleAssignments, sessions, users } from './schema.js';

export type UserRow = typeof users.$inferSelect;

const qb = new QueryBuilder();

export async function findUser(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

/** A page of users, newest first, optionally those whose e-mail or name contains `q`; with the total. */
export async function listUsersPage(
  db: DbOrTx,
  opts: { q?: string; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const cond = opts.q ? or(ilike(users.email, `%${opts.q}%`), ilike(users.name, `%${opts.q}%`)) : undefined;
  const rows = await db.select().from(users).where(cond).orderBy(desc(users.createdAt), users.id).limit(opts.limit).offset(opts.offset);
  const [{ total }] = (await db.select({ total: count() }).from(users).where(cond)) as [{ total: number }];
  return { rows, total: Number(total) };
}

/** Sets a user's account flags (disabled, lock, failure count). */
export async function updateUserFlags(db: DbOrTx, id: string, patch: Partial<Pick<UserRow, 'disabled' | 'lockedUntil' | 'failedLogins'>>) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Ends every session of the user (at `at`). */
export async function revokeSessionsOf(db: DbOrTx, userId: string, at: Date) {
  await db.update(sessions).set({ revokedAt: at }).where(eq(sessions.userId, userId));
}

/** The e-mail address of each of these users (only enabled users with `enabledOnly`). */
export async function emailsOf(db: DbOrTx, userIds: string[], opts: { enabledOnly?: boolean } = {}): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), opts.enabledOnly ? eq(users.disabled, false) : undefined));
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** The display name of each of these users. */
export async function namesOf(db: DbOrTx, userIds: string[]): Promise<Array<{ id: string; name: string }>> {
  if (userIds.length === 0) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
}

/** Which of these names belong to a user holding any role in the organisation. */
export async function memberNamesAmong(db: DbOrTx, organizationId: string, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectDistinct({ name: users.name })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.organizationId, organizationId), inArray(users.name, names)));
  return rows.map((r) => r.name);
}

/** Everyone holding a role in the organisation, one row per role, by name. */
export async function membersOf(db: DbOrTx, organizationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.organizationId, organizationId))
    .orderBy(users.name);
}

/** The enabled registrars of these registration points (organisations), one row per point and user. */
export async function registrarsOf(db: DbOrTx, organizationIds: string[]): Promise<Array<{ organizationId: string; userId: string }>> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ organizationId: roleAssignments.organizationId, userId: users.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, 'registrar'),
        inArray(roleAssignments.organizationId, [...new Set(organizationIds)]),
        eq(users.disabled, false),
      ),
    );
  return rows.map((r) => ({ organizationId: r.organizationId!, userId: r.userId }));
}

/** The organisations in which someone holds `role`, as a derived table `(organization_id)` for a join. */
export function organizationsWithRole(role: string, alias = 'role_holders') {
  return qb
    .selectDistinct({ organizationId: roleAssignments.organizationId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, role))
    .as(alias);
}

/** Housekeeping: deletes sessions that ended (revoked or expired) before `before`; returns how many. */
export async function pruneEndedSessions(db: DbOrTx, before: Date): Promise<number> {
  return (
    await queryRows(
      db,
      sql`DELETE FROM ${sessions} WHERE coalesce(${sessions.revokedAt}, ${sessions.expiresAt}) < ${before} RETURNING ${sessions.id}`,
    )
  ).length;
}

/** Housekeeping: deletes throttling windows that started before `before`; returns how many. */
export async function pruneRateCounters(db: DbOrTx, before: Date): Promise<number> {
  return (await queryRows(db, sql`DELETE FROM ${rateCounters} WHERE ${rateCounters.windowStart} < ${before} RETURNING ${rateCounters.key}`))
    .length;
}
