import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roleAssignments, users } from './schema.js';

/** Roles whose holders speak for an organisation and hear what happens to its work. */
const MEMBER_ROLES = ['org_member', 'org_admin', 'broker'];

/** The enabled users holding a member role (org_member, org_admin, broker) in the organisation. */
export async function organizationMemberIds(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organizationId, organizationId), inArray(roleAssignments.role, MEMBER_ROLES), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Display names of users, by id (for showing who wrote what). */
export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Where to reach enabled users (for notification channels), by id; disabled users are left out. */
export async function contactsOf(db: DbOrTx, ids: string[]): Promise<Map<string, { id: string; email: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...new Set(ids)]), eq(users.disabled, false)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The enabled users holding one of these roles in the organisation (e.g. its TTO staff: org_admin, broker). */
export async function organizationUserIdsWithRoles(db: DbOrTx, organizationId: string, roles: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organizationId, organizationId), inArray(roleAssignments.role, roles), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}
