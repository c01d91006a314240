import { sql, type SQL } from 'drizzle-orm';
import type { SearchQuery } from '../../../common/api/search.js';
import { queryRows, type Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { canSeeRecord } from '../catalog/policy.js';
import { facts, loadRecordsByIds, type LoadedRecord } from '../catalog/records.js';
import { refreshDictionary } from './dictionary.js';
import { countFacets, type FacetCounts } from './facets.js';
import { allOf, facetFilters, KINDS, visibleSql } from './filters.js';
import { highlightRecord } from './highlight.js';
import { parseQuery } from './query.js';
import { synonymMap } from './synonyms.js';

/**
 * Full-text search over achievements or demands: what the caller may see (filters.ts visibleSql),
 * narrowed by the text and the facet filters, sorted, one keyset page, with facet counts.
 */

/** ts_rank_cd weights {D, C, B, A}: body 0.2, summary 0.4, title and keywords 1.0. */
const RANK = (tsq: SQL) => sql`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', r.search_vector, ${tsq})::float8`;

/**
 * Broad queries: when a text query matches more records than this, ranking, the total and the facet
 * counts are computed over its most recently published matches only, and the result says so
 * (`approximate`). A word in a third of the corpus (技术, 方法) would otherwise make every search
 * rank and count hundreds of thousands of rows. Narrower queries are exact.
 */
export const searchSettings = { broadQueryWindow: 1000 };

type Sort = SearchQuery['sort'];
interface Cursor {
  s: Sort;
  /** The last row's sort key: rank, published_at as text, or price (null for 面议/unpriced). */
  k: number | string | null;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string, sort: Sort): Cursor {
  const bad = () => AppError.validation('querystring.cursor', 'is not a cursor of this search (use nextCursor as given, with the same sort)');
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw bad();
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!c || typeof c !== 'object' || c.s !== sort || typeof c.id !== 'string' || !uuid.test(c.id)) throw bad();
  const keyOk =
    sort === 'relevance'
      ? typeof c.k === 'number' && Number.isFinite(c.k)
      : sort === 'newest'
        ? typeof c.k === 'string' && !Number.isNaN(Date.parse(c.k))
        : c.k === null || (typeof c.k === 'number' && Number.isSafeInteger(c.k));
  if (!keyOk) throw bad();
  return c;
}

interface Ordering {
  /** Select list entry named sort_key. */
  key: SQL;
  orderBy: SQL;
  after: (c: Cursor) => SQL;
}

function ordering(sort: Sort, price: SQL, tsq: SQL | null): Ordering {
  if (sort === 'relevance' && tsq) {
    const rank = RANK(tsq);
    return { key: rank, orderBy: sql`sort_key DESC, r.id`, after: (c) => sql`(${rank} < ${c.k} OR (${rank} = ${c.k} AND r.id > ${c.id}::uuid))` };
  }
  if (sort === 'price_asc' || sort === 'price_desc') {
    const cmp = sort === 'price_asc' ? sql`>` : sql`<`;
    return {
      key: sql`(${price})::float8`,
      orderBy: sort === 'price_asc' ? sql`sort_key ASC NULLS LAST, r.id` : sql`sort_key DESC NULLS LAST, r.id`,
      // NULLS LAST: priced rows first in their order, then the unpriced by id.
      after: (c) =>
        c.k === null
          ? sql`(${price} IS NULL AND r.id > ${c.id}::uuid)`
          : sql`(${price} ${cmp} ${c.k} OR (${price} = ${c.k} AND r.id > ${c.id}::uuid) OR ${price} IS NULL)`,
    };
  }
  // newest (and relevance without a text query)
  return {
    key: sql`r.published_at::text`,
    orderBy: sql`r.published_at DESC, r.id`,
    after: (c) => sql`(r.published_at < ${c.k}::timestamptz OR (r.published_at = ${c.k}::timestamptz AND r.id > ${c.id}::uuid))`,
  };
}

export interface SearchHit<K extends RecordKind> {
  record: LoadedRecord<K>;
  score: number | null;
  highlight: { title: string; summary: string };
}
export interface SearchResult<K extends RecordKind> {
  items: SearchHit<K>[];
  total: number;
  nextCursor: string | null;
  facets: FacetCounts | null;
  terms: string[];
  /** True when the query was broad: ranking, total and facets cover its newest matches. */
  approximate: boolean;
}

async function searchRecords<K extends RecordKind>(opts: { db: Db; actor: Actor; kind: K; query: SearchQuery }): Promise<SearchResult<K>> {
  const { db, actor, kind, query } = opts;
  const spec = KINDS[kind];
  if (!spec.hasIp && query.ip?.length) throw AppError.validation('querystring.ip', `does not apply to ${kind}s`);
  if (!spec.hasFunding && query.funding) throw AppError.validation('querystring.funding', `does not apply to ${kind}s`);
  await refreshDictionary(db);
  const parsed = parseQuery(query.q, await synonymMap(db));
  const tsq = parsed.tsquery === null ? null : sql`${parsed.tsquery}::tsquery`;
  // Without searchable text, relevance means newest first.
  const sort: Sort = query.sort === 'relevance' && !tsq ? 'newest' : query.sort;
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
  const order = ordering(sort, spec.price, tsq);

  const text = tsq ? sql`r.search_vector @@ ${tsq}` : undefined;
  const visible = visibleSql(actor);
  const filters = facetFilters(spec, query);
  const from = sql`${spec.table} r JOIN regions g ON g.code = r.region_code`;
  const exceedsWindow = async (cond: SQL) =>
    (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${cond} LIMIT ${searchSettings.broadQueryWindow + 1}) x`))[0]!.n >
    searchSettings.broadQueryWindow;
  // The newest broadQueryWindow rows matching `cond` (inner aliases r, g shadow the outer ones).
  const windowOf = (cond: SQL) => sql`r.id IN (SELECT r.id FROM ${from} WHERE ${cond} ORDER BY r.published_at DESC NULLS LAST, r.id LIMIT ${searchSettings.broadQueryWindow})`;
  const baseCond = allOf([text, visible]);
  const allCond = allOf([text, visible, ...Object.values(filters)]);
  const broadBase = tsq !== null && (await exceedsWindow(baseCond));
  const filtered = Object.values(filters).some(Boolean);
  const broad = broadBase && (!filtered || (await exceedsWindow(allCond)));
  const where = broad ? windowOf(allCond) : allCond;
  const page = queryRows<{ id: string; sort_key: number | string | null; score: number | null }>(
    db,
    sql`SELECT r.id, ${order.key} AS sort_key, ${tsq ? RANK(tsq) : sql`NULL::float8`} AS score
        FROM ${spec.table} r JOIN regions g ON g.code = r.region_code
        WHERE ${where} ${cursor ? sql`AND ${order.after(cursor)}` : sql``}
        ORDER BY ${order.orderBy}
        LIMIT ${query.limit + 1}`,
  );
  const countWhere = () => queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`).then((r) => r[0]!.n);
  // Facets count over the (possibly windowed) unfiltered matches; when only those are broad, the
  // filtered total is still exact and counted on its own.
  const counted = query.facets
    ? Promise.all([countFacets({ db, spec, base: broadBase ? windowOf(baseCond) : baseCond, filters }), broadBase && !broad ? countWhere() : null]).then(
        ([f, exactTotal]) => ({ total: exactTotal ?? f.total, facets: f.facets }),
      )
    : countWhere().then((total) => ({ total, facets: null }));
  const [rows, { total, facets }] = await Promise.all([page, counted]);

  const more = rows.length > query.limit;
  const pageRows = rows.slice(0, query.limit);
  const records = await loadRecordsByIds(db, kind, pageRows.map((r) => r.id));
  const byId = new Map(records.map((r) => [r.row.id, r]));
  const items: SearchHit<K>[] = [];
  for (const row of pageRows) {
    const record = byId.get(row.id);
    // Defence in depth: the SQL visibility rule and the record policy must agree.
    if (!record || !canSeeRecord(actor, facts(record))) continue;
    items.push({ record, score: row.score === null ? null : Number(row.score), highlight: highlightRecord(record.row, parsed.highlightTerms) });
  }
  const last = pageRows[pageRows.length - 1];
  const keyOf = (v: number | string | null) => (v === null ? null : sort === 'newest' ? String(v) : Number(v));
  return {
    items,
    total,
    nextCursor: more && last ? encodeCursor({ s: sort, k: keyOf(last.sort_key), id: last.id }) : null,
    facets,
    terms: parsed.terms,
    approximate: broadBase,
  };
}

export const searchAchievements = (opts: { db: Db; actor: Actor; query: SearchQuery }) => searchRecords({ ...opts, kind: 'achievement' });
export const searchDemands = (opts: { db: Db; actor: Actor; query: SearchQuery }) => searchRecords({ ...opts, kind: 'demand' });
