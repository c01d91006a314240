import { sql, type SQL } from 'drizzle-orm';
import type { SearchQuery } from '../../../common/api/search.js';
import { PRICE_BANDS } from '../../../common/catalog.js';
import type { Actor } from '../../lib/actor.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { fieldsAndChildrenSql, recordTableSql } from '../catalog/repository.js';
import { publicVisibilityKey, recordScope, visibilityReadsRegion, visibleRecordsSql } from '../catalog/visibility.js';
import { regionSubtreePatternsSql } from '../organizations/repository.js';

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
    table: recordTableSql('achievement'),
    trl: sql.raw('r.trl'),
    modes: sql.raw('r.transfer_modes'),
    price: sql.raw('r.price_fen'),
    negotiable: sql.raw('r.price_negotiable'),
    hasIp: true,
    hasFunding: true,
  },
  demand: {
    table: recordTableSql('demand'),
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

/** The record (`r`) and its region (`g`) as the visibility rule reads them. */
const RECORD_COLUMNS = {
  organizationId: sql`r.organization_id`,
  regionPath: sql`g.path`,
  status: sql`r.status`,
  restricted: sql`r.restricted`,
};

/**
 * What the actor may find: catalog/visibility.ts's rule (the one `canSeeRecord` checks) narrowed to
 * public statuses (published, in_trade, transferred, closed) — search is for discovery: drafts and
 * records under review are listed in the workspace and review queue, not here. The service checks
 * every hit with `canSeeRecord` as well.
 */
export function visibleSql(actor: Actor): SQL {
  return visibleRecordsSql(recordScope(actor), RECORD_COLUMNS, { publicOnly: true });
}

/** Callers with the same key see the same records (visibleSql is the same rule). */
export const visibilityKey = (actor: Actor): string => publicVisibilityKey(recordScope(actor));

/** Whether visibleSql refers to the record's region (`g`): for government officers only. */
export const visibilityUsesRegion = (actor: Actor): boolean => visibilityReadsRegion(recordScope(actor), { publicOnly: true });

export type FacetName = 'field' | 'trl' | 'region' | 'mode' | 'price' | 'ip' | 'funding';
export const FACETS: readonly FacetName[] = ['field', 'trl', 'region', 'mode', 'price', 'ip', 'funding'];

/** One predicate per facet filter the query sets (absent: no entry). */
export function facetFilters(spec: KindSpec, q: SearchQuery): Partial<Record<FacetName, SQL>> {
  const out: Partial<Record<FacetName, SQL>> = {};
  if (q.field?.length) {
    // A field matches itself and its children (an industry and its sub-industries).
    out.field = sql`r.field_code IN ${fieldsAndChildrenSql(q.field)}`;
  }
  if (q.trl?.length) out.trl = sql`${spec.trl} IN (${list(q.trl)})`;
  if (q.region?.length) {
    // The chosen regions' path prefixes are looked up once per statement (an uncorrelated ARRAY).
    out.region = sql`g.path LIKE ANY (${regionSubtreePatternsSql(q.region)})`;
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
