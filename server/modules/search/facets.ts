import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Facets } from '../../../common/api/search.js';
import { IP_KIND_LABELS, PRICE_BANDS, TRANSFER_MODE_LABELS, TRL_LEVELS, type IpKind, type TransferMode } from '../../../common/catalog.js';
import { queryRows, type Db } from '../../db/client.js';
import { fieldLabelsSql } from '../catalog/repository.js';
import { regionLabelsSql, regionsJoinable } from '../organizations/repository.js';
import { allOf, FACETS, facetKey, type FacetName, type KindSpec } from './filters.js';

/**
 * Facet counts, "disjunctive": each facet counts over the set matched by the text, visibility and
 * every OTHER facet's filter, so choosing 滨海新区 still shows how many records the other districts
 * have. The set is materialised once with one boolean per filter (facetColumns), then each facet
 * groups the rows passing the other filters (facetBranches), in the statement that finds the page
 * (statement.ts) or, for a search without text, in one statement of its own (countFacets).
 */
export type FacetCounts = z.infer<typeof Facets>;

const MULTI: ReadonlySet<FacetName> = new Set(['mode', 'ip']);

const facetsOf = (spec: KindSpec) => FACETS.filter((f) => (f !== 'ip' || spec.hasIp) && (f !== 'funding' || spec.hasFunding));

/** Select-list entries: each facet's key (k_<facet>) and whether the row passes each filter set (p_<facet>). */
export function facetColumns(spec: KindSpec, filters: Partial<Record<FacetName, SQL>>): SQL[] {
  return [
    ...facetsOf(spec).map((f) => sql`${facetKey(spec, f)} AS ${sql.raw(`k_${f}`)}`),
    ...FACETS.filter((f) => filters[f]).map((f) => sql`(${filters[f]}) AS ${sql.raw(`p_${f}`)}`),
  ];
}

/** The rows of `from` (carrying facetColumns) passing every filter but `except`'s. */
export const passing = (filters: Partial<Record<FacetName, SQL>>, except?: FacetName): SQL =>
  allOf(FACETS.filter((f) => f !== except && filters[f]).map((f) => sql.raw(`p_${f}`)));

/** One SELECT (facet, key, n) per facet, to UNION ALL: each counts the rows of `from` passing the other facets' filters. */
export function facetBranches(spec: KindSpec, filters: Partial<Record<FacetName, SQL>>, from: string): SQL[] {
  const src = sql.raw(from);
  return facetsOf(spec).map((f) => {
    const k = sql.raw(`k_${f}`);
    if (!MULTI.has(f))
      return sql`SELECT ${sql.raw(`'${f}'::text`)} AS facet, ${k}::text AS key, count(*)::int AS n FROM ${src} WHERE ${passing(filters, f)} AND ${k} IS NOT NULL GROUP BY 2`;
    // A record counts once per value, whatever its array repeats.
    const values =
      f === 'mode' ? sql`unnest(${src}.k_mode) x(v)` : sql`(SELECT e->>'kind' AS v FROM jsonb_array_elements(${src}.k_ip) e) x`;
    return sql`SELECT ${sql.raw(`'${f}'::text`)} AS facet, x.v AS key, count(DISTINCT ${src}.id)::int AS n FROM ${src} CROSS JOIN LATERAL ${values} WHERE ${passing(filters, f)} GROUP BY 2`;
  });
}

/** Facet counts over every row matching `base` (no window: searches without text). */
export async function countFacets(opts: {
  db: Db;
  spec: KindSpec;
  base: SQL;
  filters: Partial<Record<FacetName, SQL>>;
}): Promise<{ total: number; facets: FacetCounts }> {
  const { db, spec, base, filters } = opts;
  const rows = await queryRows<{ facet: FacetName | 'total'; key: string; n: number }>(
    db,
    sql`WITH base AS MATERIALIZED (
          SELECT r.id, ${sql.join(facetColumns(spec, filters), sql`, `)}
          FROM ${spec.table} r JOIN ${regionsJoinable('g')} ON g.code = r.region_code
          WHERE ${base}
        )
        ${sql.join([...facetBranches(spec, filters, 'base'), sql`SELECT 'total' AS facet, '' AS key, count(*)::int AS n FROM base WHERE ${passing(filters)}`], sql` UNION ALL `)}`,
  );
  const total = Number(rows.find((r) => r.facet === 'total')?.n ?? 0);
  return {
    total,
    facets: await presentFacets(db, rows.filter((r) => r.facet !== 'total') as Array<{ facet: FacetName; key: string; n: number }>),
  };
}

/** Buckets with labels, largest first. */
export async function presentFacets(db: Db, rows: Array<{ facet: FacetName; key: string; n: number }>): Promise<FacetCounts> {
  const byFacet = new Map<string, Array<{ key: string; n: number }>>();
  for (const r of rows) byFacet.set(r.facet, [...(byFacet.get(r.facet) ?? []), { key: String(r.key), n: Number(r.n) }]);
  const labels = await labelsFor(db, byFacet);
  const bucket = (f: FacetName) =>
    (byFacet.get(f) ?? [])
      .map(({ key, n }) => ({ key, label: labels(f, key), count: n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    field: bucket('field'),
    trl: bucket('trl'),
    region: bucket('region'),
    mode: bucket('mode'),
    price: bucket('price'),
    ip: bucket('ip'),
    funding: bucket('funding'),
  };
}

/** Region and field names: reference data, read once a minute per process rather than per search. */
const NAMES_TTL_MS = 60_000;
const nameCache = new WeakMap<Db, { at: number; names: Promise<Map<string, string>> }>();

function referenceNames(db: Db): Promise<Map<string, string>> {
  const cached = nameCache.get(db);
  if (cached && Date.now() - cached.at < NAMES_TTL_MS) return cached.names;
  const names = queryRows<{ key: string; name: string }>(db, sql`${regionLabelsSql()} UNION ALL ${fieldLabelsSql()}`).then(
    (rows) => new Map(rows.map((r) => [r.key, r.name])),
  );
  nameCache.set(db, { at: Date.now(), names });
  names.catch(() => nameCache.delete(db));
  return names;
}

async function labelsFor(db: Db, byFacet: Map<string, Array<{ key: string }>>) {
  const needed = (byFacet.get('region')?.length ?? 0) + (byFacet.get('field')?.length ?? 0);
  const names = needed ? await referenceNames(db) : new Map<string, string>();
  return (f: FacetName, key: string): string => {
    switch (f) {
      case 'field':
      case 'region':
        return names.get(`${f}:${key}`) ?? key;
      case 'trl':
        return `TRL ${key} ${TRL_LEVELS.find((l) => String(l.level) === key)?.zh ?? ''}`.trim();
      case 'mode':
        return TRANSFER_MODE_LABELS[key as TransferMode]?.zh ?? key;
      case 'price':
        return PRICE_BANDS.find((b) => b.key === key)?.zh ?? key;
      case 'ip':
        return IP_KIND_LABELS[key as IpKind]?.zh ?? key;
      case 'funding':
        return key === 'public' ? '财政资金支持' : '非财政资金';
    }
  };
}
