import { sql, type SQL } from 'drizzle-orm';
import type { SearchQuery } from '../../../common/api/search.js';
import { queryRows, type Db } from '../../db/client.js';
import { regionsJoinable } from '../organizations/repository.js';
import { facetBranches, facetColumns } from './facets.js';
import { allOf, type FacetName, type KindSpec } from './filters.js';

/**
 * The one statement of a text search: its window (the newest `window` matches of the text among
 * what the caller may see), and over that window, in one pass, the page, the total and the facet
 * counts. Filters narrow within the window, so the facet counts, the total and the pages agree.
 */

export type Sort = SearchQuery['sort'];
export interface Cursor {
  s: Sort;
  /** The last row's sort key: rank, published_at as text, or price (null for 面议/unpriced). */
  k: number | string | null;
  id: string;
}

/** ORDER BY and "after the cursor" over a sort key expression and an id expression; ids break ties. */
export function ordering(sort: Sort, key: SQL, id: SQL): { orderBy: SQL; after: (c: Cursor) => SQL } {
  if (sort === 'relevance') {
    return { orderBy: sql`${key} DESC, ${id}`, after: (c) => sql`(${key} < ${c.k} OR (${key} = ${c.k} AND ${id} > ${c.id}::uuid))` };
  }
  if (sort === 'price_asc' || sort === 'price_desc') {
    const cmp = sort === 'price_asc' ? sql`>` : sql`<`;
    return {
      orderBy: sort === 'price_asc' ? sql`${key} ASC NULLS LAST, ${id}` : sql`${key} DESC NULLS LAST, ${id}`,
      // NULLS LAST: priced rows first in their order, then the unpriced by id.
      after: (c) =>
        c.k === null
          ? sql`(${key} IS NULL AND ${id} > ${c.id}::uuid)`
          : sql`(${key} ${cmp} ${c.k} OR (${key} = ${c.k} AND ${id} > ${c.id}::uuid) OR ${key} IS NULL)`,
    };
  }
  return {
    orderBy: sql`${key} DESC NULLS LAST, ${id}`,
    after: (c) => sql`(${key} < ${c.k}::timestamptz OR (${key} = ${c.k}::timestamptz AND ${id} > ${c.id}::uuid))`,
  };
}

export interface PageRow {
  id: string;
  /** As text: float8 (rank, price) prints exactly; timestamptz keeps microseconds. */
  sort_key: string | null;
  score: number | null;
}
export interface WindowResult {
  page: PageRow[];
  /** Matches of the text before the window was cut (within the horizon, when there is one). */
  matches: number;
  total: number;
  facetRows: Array<{ facet: FacetName; key: string; n: number }>;
}

export async function queryWindow(opts: {
  db: Db;
  spec: KindSpec;
  /** Text and visibility, over `r` (the record) and, when `matchingUsesRegion`, `g` (its region). */
  matching: SQL;
  matchingUsesRegion: boolean;
  window: number;
  /** Skip ranking and counting when fewer than `window` rows match (the caller will look further back). */
  onlyFull: boolean;
  filters: Partial<Record<FacetName, SQL>>;
  facets: boolean;
  sort: Sort;
  rank: SQL;
  cursor: Cursor | null;
  limit: number;
}): Promise<WindowResult> {
  const { spec, filters, sort } = opts;
  const relevance = sort === 'relevance';
  const keyOfRow = sort === 'newest' ? sql`r.published_at` : sql`(${spec.price})::float8`;
  // Every filter, over the record (in b the per-filter columns p_<facet> are not yet there).
  const passes = allOf(Object.values(filters));
  const order = ordering(sort, sql.raw(relevance ? 'score' : 'sort_key'), sql.raw('id'));
  const rows = await queryRows<{ facet: string; key: string; n: number; sort_key: string | null; score: number | null }>(
    opts.db,
    sql`WITH m AS MATERIALIZED (
          SELECT r.ctid AS tid, r.id, r.published_at FROM ${spec.table} r ${opts.matchingUsesRegion ? sql`JOIN ${regionsJoinable('g')} ON g.code = r.region_code` : sql``}
          WHERE ${opts.matching}
        ), w AS MATERIALIZED (
          SELECT tid FROM m ${opts.onlyFull ? sql`WHERE (SELECT count(*) FROM m) >= ${opts.window}` : sql``}
          ORDER BY published_at DESC NULLS LAST, id LIMIT ${opts.window}
        ), b AS MATERIALIZED (
          SELECT r.id, ${passes} AS p, ${relevance ? sql`NULL::float8` : keyOfRow} AS sort_key,
                 CASE WHEN ${passes} THEN ${opts.rank} END AS score
                 ${opts.facets ? sql`, ${sql.join(facetColumns(spec, filters), sql`, `)}` : sql``}
          FROM w JOIN ${spec.table} r ON r.ctid = w.tid JOIN ${regionsJoinable('g')} ON g.code = r.region_code
        )
        SELECT '~page' AS facet, id::text AS key, n, page_key::text AS sort_key, score FROM (
          SELECT id, ${relevance ? sql`score` : sql`sort_key`} AS page_key, score, row_number() OVER (ORDER BY ${order.orderBy})::int AS n
          FROM b WHERE p ${opts.cursor ? sql`AND ${order.after(opts.cursor)}` : sql``}
          ORDER BY ${order.orderBy} LIMIT ${opts.limit + 1}
        ) page
        UNION ALL SELECT '~matches', '', (SELECT count(*) FROM m)::int, NULL, NULL
        UNION ALL SELECT '~total', '', count(*)::int, NULL, NULL FROM b WHERE p
        ${opts.facets ? sql`UNION ALL SELECT facet, key, n, NULL, NULL FROM (${sql.join(facetBranches(spec, filters, 'b'), sql` UNION ALL `)}) f` : sql``}`,
  );
  const out: WindowResult = { page: [], matches: 0, total: 0, facetRows: [] };
  const position = new Map<string, number>();
  for (const r of rows) {
    if (r.facet === '~page') {
      out.page.push({ id: r.key, sort_key: r.sort_key, score: r.score === null ? null : Number(r.score) });
      position.set(r.key, Number(r.n));
    } else if (r.facet === '~matches') out.matches = Number(r.n);
    else if (r.facet === '~total') out.total = Number(r.n);
    else out.facetRows.push({ facet: r.facet as FacetName, key: String(r.key), n: Number(r.n) });
  }
  out.page.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return out;
}
