import { sql, type SQL } from 'drizzle-orm';
import type { SearchQuery } from '../../../common/api/search.js';
import { queryRows, type Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { canSeeRecord } from '../catalog/policy.js';
import { facts, loadRecordsByIds, type LoadedRecord } from '../catalog/records.js';
import { regionsJoinable } from '../organizations/repository.js';
import { refreshDictionary } from './dictionary.js';
import { countFacets, presentFacets, type FacetCounts } from './facets.js';
import { allOf, facetFilters, KINDS, visibilityKey, visibilityUsesRegion, visibleSql, type FacetName, type KindSpec } from './filters.js';
import { highlightRecord } from './highlight.js';
import { parseQuery } from './query.js';
import { inOrderPattern, relaxQuery, suggestFullerTerm, type MatchLevel, type RelaxedQuery } from './relax.js';
import { tokenize, tokenizeForSearch } from '../../lib/text/tokenize.js';
import { ordering, queryWindow, type Cursor, type PageRow, type Sort } from './statement.js';
import { SlowCounts, type SlowCountSettings } from './slow-counts.js';
import { synonymMap } from './synonyms.js';
import { firstHorizon, matchesSince, widenHorizon } from './window.js';

/**
 * Full-text search over achievements or demands: what the caller may see (filters.ts visibleSql),
 * narrowed by the text and the facet filters, sorted, one keyset page, with facet counts.
 */

/**
 * ts_rank weights {D, C, B, A}: body 0.2, summary 0.4, title and keywords 1.0. Not ts_rank_cd:
 * cover density over a query with sub-word fallbacks costs 2× as much per row (the window ranks
 * 1,000), and known-item search is no worse (bench:quality MRR@10 0.946 vs 0.943).
 */
const RANK = (tsq: SQL) => sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', r.search_vector, ${tsq})::float8`;

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** title, keywords and summary as one text, for the characters-in-order test of the last level. */
const RECORD_TEXT = sql`(r.title || ' ' || array_to_string(r.keywords, ' ') || ' ' || r.summary)`;

/**
 * Rank of a relaxed match: cover density over its grams (characters close together and in order
 * rank above scattered ones; relaxed result sets are small, so its cost is affordable here), plus
 * the query's words where a record has them (word matches above character matches), plus, at the
 * characters level, a keyword (1) or the title (0.5) holding the characters in order.
 */
function relaxedRank(q: string, relaxed: RelaxedQuery): SQL {
  const words = [...new Set(tokenizeForSearch(q))].map(quote);
  const wordRank = words.length ? sql` + ts_rank('{0.1, 0.2, 0.4, 1.0}', r.search_vector, ${words.join(' | ')}::tsquery)` : sql``;
  const pattern = relaxed.inOrder ? inOrderPattern(relaxed.inOrder) : null;
  const orderBonus = pattern
    ? sql` + CASE WHEN EXISTS (SELECT 1 FROM unnest(r.keywords) k WHERE k LIKE ${pattern}) THEN 1 WHEN r.title LIKE ${pattern} THEN 0.5 ELSE 0 END`
    : sql``;
  return sql`(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', r.search_vector, ${relaxed.tsquery}::tsquery)${wordRank}${orderBonus})::float8`;
}

/**
 * The window of a text search: its newest `broadQueryWindow` matches (by published_at) among what
 * the caller may see. Ranking, filters, the total and the facet counts work within it; when the
 * text matches more, the result says so (`approximate`). A word in a third of the corpus (技术,
 * 方法) would otherwise make every search rank and count hundreds of thousands of rows. Narrower
 * queries are exact.
 */
export interface SearchSettings {
  broadQueryWindow: number;
}

/** One app's search state (`app.ctx.search`, made in buildApp): its settings and its kept counts. */
export interface SearchState {
  settings: SearchSettings;
  slowCounts: SlowCounts;
}

export function createSearchState(opts: {
  clock: Clock;
  settings?: Partial<SearchSettings>;
  slowCounts?: Partial<SlowCountSettings>;
}): SearchState {
  return { settings: { broadQueryWindow: 1000, ...opts.settings }, slowCounts: new SlowCounts(opts.clock, opts.slowCounts) };
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string, sort: Sort): Cursor {
  const bad = () =>
    AppError.validation('querystring.cursor', 'is not a cursor of this search (use nextCursor as given, with the same sort)');
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
  /** Which level of the relaxation ladder matched; a fuller term of the catalogue when relaxed. */
  match: { level: MatchLevel; relaxed: boolean; suggestion: string | null };
}

async function searchRecords<K extends RecordKind>(opts: {
  db: Db;
  search: SearchState;
  actor: Actor;
  kind: K;
  query: SearchQuery;
}): Promise<SearchResult<K>> {
  const { db, search, actor, kind, query } = opts;
  const spec = KINDS[kind];
  if (!spec.hasIp && query.ip?.length) throw AppError.validation('querystring.ip', `does not apply to ${kind}s`);
  if (!spec.hasFunding && query.funding) throw AppError.validation('querystring.funding', `does not apply to ${kind}s`);
  await refreshDictionary(db);
  const parsed = parseQuery(query.q, await synonymMap(db));
  // Without searchable text, relevance means newest first.
  const sort: Sort = query.sort === 'relevance' && parsed.tsquery === null ? 'newest' : query.sort;
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
  const visible = visibleSql(actor);
  const filters = facetFilters(spec, query);
  let found =
    parsed.tsquery === null
      ? await searchWithoutText({ db, search, kind, actor, spec, visible, filters, sort, cursor, query })
      : await searchText({
          db,
          search,
          kind,
          actor,
          spec,
          tsquery: parsed.tsquery,
          rank: RANK(sql`${parsed.tsquery}::tsquery`),
          visible,
          filters,
          sort,
          cursor,
          query,
        });
  // The relaxation ladder (relax.ts): a text that matched nothing is asked again by its bigrams,
  // then by its characters in order, before the answer is "nothing found".
  let level: MatchLevel = 'words';
  let highlightTerms = parsed.highlightTerms;
  if (parsed.tsquery !== null && found.total === 0 && query.q) {
    for (const next of ['bigrams', 'characters'] as const) {
      const relaxed = relaxQuery(query.q, next);
      if (!relaxed) break;
      const text = next === 'characters' ? sql` AND ${RECORD_TEXT} LIKE ${inOrderPattern(relaxed.inOrder!)}` : sql``;
      const attempt = await searchText({
        db,
        search,
        kind,
        actor,
        spec,
        tsquery: relaxed.tsquery,
        also: text,
        rank: relaxedRank(query.q, relaxed),
        visible,
        filters,
        sort,
        cursor,
        query,
      });
      if (attempt.total > 0) {
        found = attempt;
        level = next;
        highlightTerms = [...new Set([...parsed.highlightTerms, ...relaxed.highlightTerms])].sort((a, b) => b.length - a.length);
        break;
      }
    }
  }
  const { page: rows, total, approximate } = found;
  const more = rows.length > query.limit;
  const pageRows = rows.slice(0, query.limit);
  const [records, facets] = await Promise.all([
    loadRecordsByIds(
      db,
      kind,
      pageRows.map((r) => r.id),
    ),
    found.facetRows ? presentFacets(db, found.facetRows) : (found.facets ?? null),
  ]);
  const byId = new Map(records.map((r) => [r.row.id, r]));
  const items: SearchHit<K>[] = [];
  for (const row of pageRows) {
    const record = byId.get(row.id);
    // Defence in depth: the SQL visibility rule and the record policy must agree.
    if (!record || !canSeeRecord(actor, facts(record))) continue;
    items.push({ record, score: row.score === null ? null : Number(row.score), highlight: highlightRecord(record.row, highlightTerms) });
  }
  const last = pageRows[pageRows.length - 1];
  const keyOf = (v: number | string | null) => (v === null ? null : sort === 'newest' ? String(v) : Number(v));
  return {
    items,
    total,
    nextCursor: more && last ? encodeCursor({ s: sort, k: keyOf(last.sort_key), id: last.id }) : null,
    facets,
    terms: parsed.terms,
    approximate,
    match: {
      level,
      relaxed: level !== 'words',
      suggestion:
        level === 'words' || !query.q
          ? null
          : suggestFullerTerm(
              query.q,
              items.map((h) => candidateTerms(h.record.row)),
            ),
    },
  };
}

/** Terms of a record a relaxed query may abbreviate: its keywords, its title's words and pairs of neighbouring words. */
function candidateTerms(row: { title: string; keywords: string[] }): string[] {
  const words = tokenize(row.title);
  const pairs = words.slice(1).map((w, i) => words[i]! + w);
  return [...row.keywords, ...words, ...pairs];
}

interface Found {
  page: PageRow[];
  total: number;
  approximate: boolean;
  facetRows?: Array<{ facet: FacetName; key: string; n: number }>;
  facets?: FacetCounts | null;
}
interface Search {
  db: Db;
  search: SearchState;
  spec: KindSpec;
  visible: SQL;
  filters: Partial<Record<FacetName, SQL>>;
  sort: Sort;
  cursor: Cursor | null;
  query: SearchQuery;
}

/**
 * A text search: one statement over the text's window (statement.ts), looked for since a horizon
 * (window.ts); when fewer than a window's matches are found there, once or twice further back, and
 * at last over every match.
 */
async function searchText(opts: Search & { kind: RecordKind; tsquery: string; rank: SQL; also?: SQL; actor: Actor }): Promise<Found> {
  const { db, kind, spec, tsquery, visible, query, actor, rank } = opts;
  const window = opts.search.settings.broadQueryWindow;
  const horizon = { db, kind, table: spec.table, window };
  let from = await firstHorizon(horizon);
  for (let attempt = 1; ; attempt++) {
    const text = sql`${from === null ? sql`r.search_vector @@ ${tsquery}::tsquery` : matchesSince(tsquery, from)}${opts.also ?? sql``}`;
    const found = await queryWindow({
      ...opts,
      matching: sql`${text} AND ${visible}`,
      matchingUsesRegion: visibilityUsesRegion(actor),
      window,
      onlyFull: from !== null,
      facets: query.facets,
      rank,
      limit: query.limit,
    });
    if (from === null || found.matches >= window) {
      return {
        page: found.page,
        total: found.total,
        approximate: from !== null || found.matches > window,
        facetRows: query.facets ? found.facetRows : undefined,
      };
    }
    from = attempt >= 3 ? null : await widenHorizon({ ...horizon, from, found: found.matches });
  }
}

/**
 * Without text: every visible record, newest first (or by price); facets and total exact, or, when
 * counting them is slow (a catalogue of a million), as counted at most a minute or so before
 * (slow-counts.ts). The page is always live.
 */
async function searchWithoutText(opts: Search & { kind: RecordKind; actor: Actor }): Promise<Found> {
  const { db, spec, visible, filters, sort, cursor, query } = opts;
  const { field, trl, region, mode, price, ip, funding } = query;
  const countKey = JSON.stringify([opts.kind, visibilityKey(opts.actor), query.facets, field, trl, region, mode, price, ip, funding]);
  const key = sort === 'newest' ? sql`r.published_at` : sql`(${spec.price})::float8`;
  const order = ordering(sort, key, sql`r.id`);
  const where = allOf([visible, ...Object.values(filters)]);
  const from = sql`${spec.table} r JOIN ${regionsJoinable('g')} ON g.code = r.region_code`;
  const [page, counted] = await Promise.all([
    queryRows<PageRow>(
      db,
      sql`SELECT r.id, ${key}::text AS sort_key, NULL::float8 AS score FROM ${from}
          WHERE ${where} ${cursor ? sql`AND ${order.after(cursor)}` : sql``}
          ORDER BY ${order.orderBy} LIMIT ${query.limit + 1}`,
    ),
    opts.search.slowCounts.count<{ total: number; facets: FacetCounts | null }>(
      countKey,
      () =>
        query.facets
          ? countFacets({ db, spec, base: visible, filters })
          : queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`).then((r) => ({
              total: r[0]!.n,
              facets: null,
            })),
      // The kept count keeps answering; the next request past its freshness tries again.
      (err) => console.error(`search: a background count failed: ${(err as Error).message}`),
    ),
  ]);
  return { page, total: counted.total, approximate: false, facets: counted.facets };
}

export const searchAchievements = (opts: { db: Db; search: SearchState; actor: Actor; query: SearchQuery }) =>
  searchRecords({ ...opts, kind: 'achievement' });
export const searchDemands = (opts: { db: Db; search: SearchState; actor: Actor; query: SearchQuery }) =>
  searchRecords({ ...opts, kind: 'demand' });
