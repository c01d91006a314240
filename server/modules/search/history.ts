import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { normalizeText, tokenize } from '../../lib/text/tokenize.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { recentSearches, searchQueryDays } from './schema.js';

/**
 * Hot and recent searches, offered by the search box before anything is typed.
 *
 * - Recent: a signed-in user's own last queries per record kind (any query with searchable text,
 *   found or not: it is what they typed), newest first, at most RECENT_KEPT; the user clears them.
 * - Hot: the platform's queries that returned results, counted per UTC day as distinct searchers
 *   (a user, or an anonymous visitor's hashed address), summed over the last HOT_DAYS days; a query
 *   is hot only once HOT_MIN_SEARCHERS different searchers asked it in that period, so one person
 *   repeating a term (or a script from one address) cannot push it.
 *
 * These are platform settings, not rules of a regulation: no document sets them.
 */
export const HISTORY_SETTINGS = {
  /** Recent queries kept per user and kind. */
  recentKept: 10,
  /** Days a hot query is counted over, today included. */
  hotDays: 7,
  /** Distinct searchers a query needs within `hotDays` to be hot. */
  hotMinSearchers: 3,
  /** Longest query remembered (longer queries are searched, not remembered). */
  maxQueryLength: 50,
} as const;

/** The query as remembered: normalised (full-width, case), spaces collapsed; null if not worth keeping. */
export function rememberedQuery(q: string | undefined): string | null {
  if (!q) return null;
  const n = normalizeText(q).trim().replace(/\s+/g, ' ');
  if (n === '' || n.length > HISTORY_SETTINGS.maxQueryLength || tokenize(n).length === 0) return null;
  return n;
}

/** Who a searcher is for counting: the user, else a hash of the visitor's address (the address is not kept). */
export function searcherKey(actor: Actor, address: string | null): string | null {
  if (actor.kind === 'user' && actor.userId) return `u:${actor.userId}`;
  if (actor.kind === 'anonymous' && address) return `a:${createHash('sha256').update(address).digest('hex').slice(0, 40)}`;
  return null;
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Remembers a first-page search: in the user's recent queries, and, when it found something, in
 * the day's count. Written outside the search's own work and never fails the search: remembering
 * is a convenience, not part of the answer.
 */
export async function rememberSearch(opts: {
  db: Db;
  actor: Actor;
  kind: RecordKind;
  q: string | undefined;
  found: number;
  address: string | null;
}): Promise<void> {
  const query = rememberedQuery(opts.q);
  if (!query) return;
  const now = clock.now();
  const { db, actor, kind } = opts;
  if (actor.kind === 'user' && actor.userId) {
    const userId = actor.userId;
    await db
      .insert(recentSearches)
      .values({ userId, kind, query, searchedAt: now })
      .onConflictDoUpdate({ target: [recentSearches.userId, recentSearches.kind, recentSearches.query], set: { searchedAt: now } });
    // Keep the newest few.
    await db.execute(
      sql`DELETE FROM ${recentSearches} WHERE ${recentSearches.userId} = ${userId} AND ${recentSearches.kind} = ${kind}
          AND ${recentSearches.query} NOT IN (
            SELECT ${recentSearches.query} FROM ${recentSearches} WHERE ${recentSearches.userId} = ${userId} AND ${recentSearches.kind} = ${kind}
            ORDER BY ${recentSearches.searchedAt} DESC, ${recentSearches.query} LIMIT ${HISTORY_SETTINGS.recentKept})`,
    );
  }
  const searcher = searcherKey(actor, opts.address);
  if (opts.found > 0 && searcher) {
    await db
      .insert(searchQueryDays)
      .values({ day: utcDay(now), kind, query, searcher })
      .onConflictDoNothing();
  }
}

export async function listRecentSearches(opts: {
  db: Db;
  actor: Actor;
  kind: RecordKind;
}): Promise<Array<{ query: string; searchedAt: string }>> {
  const userId = requireUser(opts.actor);
  const rows = await opts.db
    .select({ query: recentSearches.query, searchedAt: recentSearches.searchedAt })
    .from(recentSearches)
    .where(and(eq(recentSearches.userId, userId), eq(recentSearches.kind, opts.kind)))
    .orderBy(desc(recentSearches.searchedAt), recentSearches.query)
    .limit(HISTORY_SETTINGS.recentKept);
  return rows.map((r) => ({ query: r.query, searchedAt: r.searchedAt.toISOString() }));
}

/** Clears the user's own recent queries (of one kind, or all). Audited: the user erased their history. */
export async function clearRecentSearches(opts: { db: Db; actor: Actor; kind?: RecordKind }): Promise<number> {
  const userId = requireUser(opts.actor);
  return opts.db.transaction(async (tx) => {
    const removed = await tx
      .delete(recentSearches)
      .where(and(eq(recentSearches.userId, userId), opts.kind ? eq(recentSearches.kind, opts.kind) : undefined))
      .returning({ query: recentSearches.query });
    await writeAudit(tx, opts.actor, {
      action: 'recent_searches.clear',
      entity: 'recent_searches',
      entityId: userId,
      after: { kind: opts.kind ?? 'all', removed: removed.length },
    });
    return removed.length;
  });
}

/** Hot queries of a kind: distinct searchers per day summed over the window, each above the minimum. */
export async function listHotSearches(opts: {
  db: Db;
  kind: RecordKind;
  limit?: number;
}): Promise<Array<{ query: string; searchers: number; searcherDays: number }>> {
  const { hotDays, hotMinSearchers } = HISTORY_SETTINGS;
  const today = clock.now();
  const since = utcDay(new Date(today.getTime() - (hotDays - 1) * 86_400_000));
  const t = searchQueryDays;
  const rows = await queryRows<{ query: string; searchers: number; searcher_days: number }>(
    opts.db,
    sql`SELECT ${t.query} AS query, count(DISTINCT ${t.searcher})::int AS searchers, count(*)::int AS searcher_days
        FROM ${t} WHERE ${t.kind} = ${opts.kind} AND ${t.day} >= ${since}::date AND ${t.day} <= ${utcDay(today)}::date
        GROUP BY ${t.query} HAVING count(DISTINCT ${t.searcher}) >= ${hotMinSearchers}
        ORDER BY searcher_days DESC, searchers DESC, query LIMIT ${opts.limit ?? 10}`,
  );
  return rows.map((r) => ({ query: r.query, searchers: r.searchers, searcherDays: r.searcher_days }));
}

function requireUser(actor: Actor): string {
  if (actor.kind !== 'user' || !actor.userId) throw AppError.forbidden('Recent searches belong to a signed-in user');
  return actor.userId;
}

/** Demo data: `searchers` made-up visitors (`demo:N`) asked `q` on each of the last `days` days. */
export async function rememberSearchDays(db: Db, o: { kind: RecordKind; q: string; searchers: number; days: number }): Promise<void> {
  const query = rememberedQuery(o.q);
  if (!query) return;
  const now = clock.now().getTime();
  const rows = [];
  for (let d = 0; d < o.days; d++) {
    for (let s = 0; s < o.searchers; s++)
      rows.push({ day: utcDay(new Date(now - d * 86_400_000)), kind: o.kind, query, searcher: `demo:${s}` });
  }
  await db.insert(searchQueryDays).values(rows).onConflictDoNothing();
}
