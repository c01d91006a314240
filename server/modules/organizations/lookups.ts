import { and, asc, eq, ilike, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, regions } from './schema.js';

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

/**
 * Outside mainland China for technology export: every country but CN, so Hong Kong (HK), Macao (MO)
 * and Taiwan (TW) too — technology transferred there is managed as an export (商务部 practice under
 * 技术进出口管理条例 art. 2, which defines export as transfer from 境内 to 境外).
 */
export const outsideMainland = (country: string): boolean => country.toUpperCase() !== 'CN';

/** Organisations' country and region path by id, for export control (who is a party outside the mainland, which officer reviews). */
export async function organizationPlaces(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { id: string; name: string; country: string; regionCode: string; regionPath: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      country: organizations.country,
      regionCode: organizations.regionCode,
      regionPath: regions.path,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
