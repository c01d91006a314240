import { and, asc, eq, ilike, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from './schema.js';

/** Lookups other modules need (they never read the organisations table themselves). */

/** The active organisations with these credit codes (a historical contract import finds the applicant by it). */
export async function activeOrganizationsByCreditCode(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(organizations)
    .where(and(inArray(organizations.creditCode, codes), eq(organizations.status, 'active')));
}

/** Organisations' names and statuses by id, for other modules to show who is who. */
export async function organizationsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, { id: string; name: string; status: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, status: organizations.status })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active organisations of these types (with credit code and region), e.g. those who must file a yearly report. */
export async function activeOrganizationsOfTypes(db: DbOrTx, types: string[]) {
  if (types.length === 0) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
      creditCode: organizations.creditCode,
      regionCode: organizations.regionCode,
    })
    .from(organizations)
    .where(and(inArray(organizations.type, types), eq(organizations.status, 'active')));
}

/** Active organisations of one type, by name (the institutions directory lists tech-transfer institutions). */
export async function activeOrganizationsOfType(db: DbOrTx, type: string, opts: { nameContains?: string } = {}) {
  const term = opts.nameContains?.trim();
  return db
    .select()
    .from(organizations)
    .where(and(eq(organizations.type, type), eq(organizations.status, 'active'), term ? ilike(organizations.name, `%${term}%`) : undefined))
    .orderBy(asc(organizations.name), asc(organizations.id));
}
