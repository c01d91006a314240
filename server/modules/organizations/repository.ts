/**
 * The SQL other modules need over organisations and regions (reads only; no business rules). Lookups
 * return rows; the `*Joinable` functions return the table as a derived table `(SELECT … FROM t) alias`
 * for a join that filters or sorts by an organisation's or region's columns (PostgreSQL pulls such a
 * subquery up, so the plan is the plain join's).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { organizations, regions } from './schema.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;

const qb = new QueryBuilder();

/** Organisations for another module's join: id, type, name, credit code, region code, status. */
export function organizationsJoinable(alias = 'organizations') {
  const o = organizations;
  return qb
    .select({ id: o.id, type: o.type, name: o.name, creditCode: o.creditCode, regionCode: o.regionCode, status: o.status })
    .from(o)
    .as(alias);
}

/** Regions for another module's join: code, name, level, parent code, materialised path. */
export function regionsJoinable(alias = 'regions') {
  const r = regions;
  return qb.select({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: r.path }).from(r).as(alias);
}

export async function findOrganization(db: DbOrTx, id: string): Promise<OrganizationRow | undefined> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return org;
}

export async function findOrganizations(db: DbOrTx, ids: string[], opts: { status?: string } = {}): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(organizations)
    .where(and(inArray(organizations.id, [...new Set(ids)]), opts.status ? eq(organizations.status, opts.status) : undefined));
}

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const [r] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return r;
}

/** The regions with these codes (every region when `codes` is undefined), in no particular order. */
export async function findRegions(db: DbOrTx, codes?: string[]): Promise<RegionRow[]> {
  if (codes?.length === 0) return [];
  return db
    .select()
    .from(regions)
    .where(codes ? inArray(regions.code, [...new Set(codes)]) : undefined);
}

/** The regions directly below one region, by code. */
export async function childRegions(db: DbOrTx, parentCode: string): Promise<RegionRow[]> {
  return db.select().from(regions).where(eq(regions.parentCode, parentCode)).orderBy(regions.code);
}

/** `ARRAY(SELECT path || '%' …)`: LIKE patterns for the subtrees of the regions with these codes. */
export function regionSubtreePatternsSql(codes: readonly string[]): SQL {
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`ARRAY(SELECT ${regions.path} || '%' FROM ${regions} WHERE ${regions.code} IN (${list}))`;
}

/** `(key, name)` rows naming every region as `region:<code>`, for a UNION of labels. */
export function regionLabelsSql(): SQL {
  return sql`SELECT 'region:' || ${regions.code} AS key, ${regions.name} AS name FROM ${regions}`;
}
