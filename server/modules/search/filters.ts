import { sql, type SQL } from 'drizzle-orm';
import type { SearchQuery } from '../../../common/api/search.js';
import { PRICE_BANDS } from '../../../common/catalog.js';
import { can, governedRegionPaths, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import { PUBLIC_STATUSES, type RecordKind } from '../catalog/lifecycle.js';

/**
 * SQL fragments over one record table aliased `r`, joined to its region as `g`. Everything is
 * bound as parameters; table and column names come from the constants below, never from input.
 */
export interface KindSpec {
  table: SQL;
  trl: SQL;
  modes: SQL;
  /** Price for bands and sorting, in fen (demands: the top of the budget range). */
  price: SQL;
  negotiable: SQL;
  /** Achievements only: IP kinds and public funding. */
  hasIp: boolean;
  hasFunding: boolean;
}

export const KINDS: Record<RecordKind, KindSpec> = {
  achievement: {
    table: sql.raw('achievements'),
    trl: sql.raw('r.trl'),
    modes: sql.raw('r.transfer_modes'),
    price: sql.raw('r.price_fen'),
    negotiable: sql.raw('r.price_negotiable'),
    hasIp: true,
    hasFunding: true,
  },
  demand: {
    table: sql.raw('demands'),
    trl: sql.raw('r.trl_min'),
    modes: sql.raw('r.cooperation_modes'),
    price: sql.raw('coalesce(r.budget_max_fen, r.budget_min_fen)'),
    negotiable: sql.raw('r.budget_negotiable'),
    hasIp: false,
    hasFunding: false,
  },
};

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** What decides which records a caller sees: all (platform admin), or the unrestricted ones plus their own organisations' and governed regions'. */
function visibilityOf(actor: Actor): { all: boolean; own: string[]; governed: string[] } {
  if (isPlatformAdmin(actor)) return { all: true, own: [], governed: [] };
  const own = can(actor, 'catalog:file') ? organizationIdsOf(actor, ['org_member', 'org_admin', 'broker']) : [];
  const governed = actor.grants.some((g) => g.role === 'gov_officer') ? governedRegionPaths(actor) : [];
  return { all: false, own: [...new Set(own)].sort(), governed: [...new Set(governed)].sort() };
}

/**
 * What the actor may find: records in a public status (published, in_trade, transferred, closed),
 * restricted ones only for their organisation's members and government in scope. This is
 * catalog/policy.ts `canSeeRecord` restricted to public statuses, as SQL (search is for discovery:
 * drafts and records under review are listed in the workspace and review queue, not here); the
 * service checks every hit with `canSeeRecord` as well.
 */
export function visibleSql(actor: Actor): SQL {
  const statuses = sql`r.status IN (${list(PUBLIC_STATUSES)})`;
  const v = visibilityOf(actor);
  if (v.all) return statuses;
  const allowed: SQL[] = [sql`NOT r.restricted`];
  if (v.own.length) allowed.push(sql`r.organization_id IN (${list(v.own)})`);
  for (const root of v.governed) allowed.push(sql`g.path LIKE ${root + '%'}`);
  return sql`${statuses} AND (${sql.join(allowed, sql` OR `)})`;
}

/** Callers with the same key see the same records (visibleSql is the same rule). */
export const visibilityKey = (actor: Actor): string => JSON.stringify(visibilityOf(actor));

/** Whether visibleSql refers to the record's region (`g`): for government officers only. */
export const visibilityUsesRegion = (actor: Actor): boolean => !isPlatformAdmin(actor) && actor.grants.some((g) => g.role === 'gov_officer');

export type FacetName = 'field' | 'trl' | 'region' | 'mode' | 'price' | 'ip' | 'funding';
export const FACETS: readonly FacetName[] = ['field', 'trl', 'region', 'mode', 'price', 'ip', 'funding'];

/** One predicate per facet filter the query sets (absent: no entry). */
export function facetFilters(spec: KindSpec, q: SearchQuery): Partial<Record<FacetName, SQL>> {
  const out: Partial<Record<FacetName, SQL>> = {};
  if (q.field?.length) {
    // A field matches itself and its children (an industry and its sub-industries).
    out.field = sql`r.field_code IN (SELECT code FROM technical_fields WHERE code IN (${list(q.field)}) OR parent_code IN (${list(q.field)}))`;
  }
  if (q.trl?.length) out.trl = sql`${spec.trl} IN (${list(q.trl)})`;
  if (q.region?.length) {
    // The chosen regions' path prefixes are looked up once per statement (an uncorrelated ARRAY).
    out.region = sql`g.path LIKE ANY (ARRAY(SELECT sel.path || '%' FROM regions sel WHERE sel.code IN (${list(q.region)})))`;
  }
  if (q.mode?.length) out.mode = sql`${spec.modes} && ARRAY[${list(q.mode)}]::text[]`;
  if (q.price?.length) {
    const bands = PRICE_BANDS.filter((b) => q.price!.includes(b.key)).map((b) =>
      b.min === null ? spec.negotiable : sql`(NOT ${spec.negotiable} AND ${spec.price} >= ${b.min} AND ${spec.price} < ${b.max})`,
    );
    out.price = sql`(${sql.join(bands, sql` OR `)})`;
  }
  if (q.ip?.length && spec.hasIp) {
    out.ip = sql`(${sql.join(
      q.ip.map((k) => sql`r.ip_assets @> ${JSON.stringify([{ kind: k }])}::jsonb`),
      sql` OR `,
    )})`;
  }
  if (q.funding && spec.hasFunding) out.funding = q.funding === 'public' ? sql`r.public_funding` : sql`NOT r.public_funding`;
  return out;
}

/** The facet's bucket key of a row (arrays for the multi-valued facets). */
export function facetKey(spec: KindSpec, facet: FacetName): SQL {
  switch (facet) {
    case 'field':
      return sql`r.field_code`;
    case 'trl':
      return sql`${spec.trl}::text`;
    case 'region':
      // The district (second level of the path), or the record's own region when it is a province.
      return sql`coalesce(nullif(split_part(g.path, '/', 3), ''), split_part(g.path, '/', 2))`;
    case 'mode':
      return spec.modes;
    case 'price': {
      const bands = PRICE_BANDS.filter((b) => b.min !== null).map((b) => sql`WHEN ${spec.price} < ${b.max} THEN ${b.key}`);
      return sql`CASE WHEN ${spec.negotiable} THEN 'negotiable' WHEN ${spec.price} IS NULL THEN NULL ${sql.join(bands, sql` `)} END`;
    }
    case 'ip':
      return spec.hasIp ? sql`r.ip_assets` : sql`'[]'::jsonb`;
    case 'funding':
      return spec.hasFunding ? sql`CASE WHEN r.public_funding THEN 'public' ELSE 'none' END` : sql`NULL::text`;
  }
}

/** The AND of the given predicates, TRUE when there are none. */
export const allOf = (preds: (SQL | undefined)[]): SQL => {
  const present = preds.filter((p): p is SQL => p !== undefined);
  return present.length ? sql.join(present, sql` AND `) : sql`TRUE`;
};
