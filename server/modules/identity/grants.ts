import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roleAssignments } from './schema.js';
import { organizationsJoinable, regionsJoinable } from '../organizations/repository.js';
import type { RoleGrant } from '../../lib/actor.js';
import type { AssignableRole } from '../../../common/roles.js';

const organizations = organizationsJoinable();
const regions = regionsJoinable();

export interface GrantRow extends RoleGrant {
  id: string;
  organizationName: string | null;
  organizationStatus: string | null;
  regionName: string | null;
}

/** Every role assignment of the users, with organisation and region names. */
export async function loadGrantRows(db: DbOrTx, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const out = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      organizationId: roleAssignments.organizationId,
      organizationName: organizations.name,
      organizationStatus: organizations.status,
      regionCode: roleAssignments.regionCode,
      regionName: regions.name,
      regionPath: regions.path,
    })
    .from(roleAssignments)
    .leftJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .leftJoin(regions, eq(regions.code, roleAssignments.regionCode))
    .where(inArray(roleAssignments.userId, userIds));
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ ...r, role: r.role as AssignableRole });
    out.set(r.userId, list);
  }
  return out;
}

/** Grants that confer permissions: organisation roles count only while the organisation is active. */
export function effectiveGrants(rows: GrantRow[]): RoleGrant[] {
  return rows
    .filter((g) => g.organizationId === null || g.organizationStatus === 'active')
    .map(({ role, organizationId, regionCode, regionPath }) => ({ role, organizationId, regionCode, regionPath }));
}

/**
 * The same grant rows as `loadGrantRows`, as a correlated JSON subquery, so authentication reads the
 * session (or token), its user and the user's grants in one round trip.
 */
export function grantRowsJson(userId: SQL): SQL<GrantRow[]> {
  return sql<GrantRow[]>`coalesce((
    SELECT json_agg(json_build_object(
      'id', ra.id, 'role', ra.role, 'organizationId', ra.organization_id, 'organizationName', o.name,
      'organizationStatus', o.status, 'regionCode', ra.region_code, 'regionName', r.name, 'regionPath', r.path))
    FROM role_assignments ra
    LEFT JOIN ${organizationsJoinable('o')} ON o.id = ra.organization_id
    LEFT JOIN ${regionsJoinable('r')} ON r.code = ra.region_code
    WHERE ra.user_id = ${userId}), '[]'::json)`;
}
