import { and, eq } from 'drizzle-orm';
import { ORG_SCOPED_ROLES, REGION_SCOPED_ROLES, type AssignableRole } from '../../../common/roles.js';
import type { Tx } from '../../db/client.js';
import { roleAssignments } from './schema.js';
import { findOrganization, findRegion } from '../organizations/repository.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';

/**
 * Grants a role. Callers (registration, organisation admins, platform admins) check their own right
 * to do so first; this checks only that the grant is well-formed and writes it with its audit entry.
 */
export async function assignRole(
  tx: Tx,
  actor: Actor,
  input: { userId: string; role: AssignableRole; organizationId?: string | null; regionCode?: string | null },
): Promise<string> {
  const organizationId = input.organizationId ?? null;
  const regionCode = input.regionCode ?? null;
  if (ORG_SCOPED_ROLES.includes(input.role) !== (organizationId !== null)) {
    throw AppError.validation(
      'body.organizationId',
      ORG_SCOPED_ROLES.includes(input.role) ? `is required for ${input.role}` : `must be empty for ${input.role}`,
    );
  }
  if (REGION_SCOPED_ROLES.includes(input.role) !== (regionCode !== null)) {
    throw AppError.validation(
      'body.regionCode',
      REGION_SCOPED_ROLES.includes(input.role) ? `is required for ${input.role}` : `must be empty for ${input.role}`,
    );
  }
  if (organizationId) {
    if (!(await findOrganization(tx, organizationId))) throw AppError.validation('body.organizationId', 'no such organisation');
  }
  if (regionCode) {
    if (!(await findRegion(tx, regionCode))) throw AppError.validation('body.regionCode', 'no such region');
  }
  const existing = await tx
    .select({ id: roleAssignments.id, organizationId: roleAssignments.organizationId, regionCode: roleAssignments.regionCode })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, input.userId), eq(roleAssignments.role, input.role)));
  const same = existing.find((e) => e.organizationId === organizationId && e.regionCode === regionCode);
  if (same) return same.id;
  const id = newId();
  const row = { id, userId: input.userId, role: input.role, organizationId, regionCode };
  await tx.insert(roleAssignments).values(row);
  await writeAudit(tx, actor, { action: 'role.assign', entity: 'role_assignment', entityId: id, organizationId, after: row });
  return id;
}

export async function removeRole(tx: Tx, actor: Actor, input: { grantId: string; userId: string }) {
  const [row] = await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.id, input.grantId), eq(roleAssignments.userId, input.userId)))
    .returning();
  if (!row) throw AppError.notFound('Role assignment');
  await writeAudit(tx, actor, {
    action: 'role.remove',
    entity: 'role_assignment',
    entityId: row.id,
    organizationId: row.organizationId,
    before: row,
  });
  return row;
}

export async function removeOrganizationRoles(tx: Tx, actor: Actor, input: { userId: string; organizationId: string }) {
  const rows = await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.userId, input.userId), eq(roleAssignments.organizationId, input.organizationId)))
    .returning();
  for (const row of rows) {
    await writeAudit(tx, actor, {
      action: 'role.remove',
      entity: 'role_assignment',
      entityId: row.id,
      organizationId: row.organizationId,
      before: row,
    });
  }
  return rows.length;
}
