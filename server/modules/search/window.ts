import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { RECENCY_BLOCKS, recencyVector } from '../catalog/recency.js';
import { clock } from '../../lib/clock.js';

/**
 * Where a text query looks for its window (its newest `window` matches) without visiting every match.
 *
 * Every record's indexed vector also holds its publication blocks: its day and the 8-, 64- and
 * 512-day blocks holding it (catalog/recency.ts recencyVector, GIN `*_recency_idx`). "Matches
 * published since day D" is then `text & (blocks covering D … today)`, intersected inside the index:
 * the cost follows the smaller of the text's matches and the records published since D, not the
 * text's matches over all time (a word in a third of a million-record corpus has 300,000).
 *
 * The horizon D is chosen from the corpus' recent publication rate: first the days holding its
 * newest 4 × window records (enough when the text is in a quarter of the records or more); when
 * fewer than `window` matches fall inside, the rate of matches seen there sets the next horizon,
 * with room to spare; past the oldest record, or when nothing matched, the search covers every
 * match (an ordinary text search, exact when there are at most `window` matches).
 */

const DAY_MS = 86_400_000;
export const dayOf = (t: Date | string): number => Math.floor(new Date(t).getTime() / DAY_MS);

/**
 * The block lexemes covering days `from` … `through`: single days up to an 8-day boundary, then
 * 8-day blocks up to a 64-day boundary, and so on; the last blocks may reach past `through`.
 */
export function recencyLexemes(from: number, through: number): string[] {
  const out: string[] = [];
  let day = Math.max(0, from);
  for (let i = 0; i < RECENCY_BLOCKS.length && day <= through; i++) {
    const { prefix, days } = RECENCY_BLOCKS[i]!;
    const next = RECENCY_BLOCKS[i + 1]?.days;
    while (day <= through && (next === undefined || day % next !== 0)) {
      out.push(` ${prefix}${Math.floor(day / days)}`);
      day += days;
    }
  }
  return out;
}

/** The text's matches published since day `from`, as a condition on the recency index. */
export function matchesSince(tsquery: string, from: number): SQL {
  // Through tomorrow by this process's clock: records published since the horizon was chosen, or
  // by a process whose clock is a little ahead, are inside.
  const through = Math.max(dayOf(clock.now()), from) + 1;
  const blocks = recencyLexemes(from, through).map((l) => `'${l}'`);
  const indexed = recencyVector(sql`r.search_vector`, sql`r.published_at`);
  // Two conditions on the index, not one query `text & blocks`: each is its own GIN scan key, and
  // GIN steps the keys past each other (each driven by its own rarest entries). As one query, the
  // blocks rarer than the text's rarest word join the entries that drive the scan, and every row
  // they hold is visited: twice the time on a widened horizon (bench mix, 1M).
  return sql`${indexed} @@ ${tsquery}::tsquery AND ${indexed} @@ ${blocks.join(' | ')}::tsquery`;
}

interface Profile {
  /** Days (since 1970) of the oldest and newest published record, and of the `depth`-th newest. */
  oldest: number | null;
  newest: number | null;
  deep: number | null;
  depth: number;
  checkedAt: number;
}
/** The publication profile is a rough guide (a wrong guess costs a retry, never a wrong result): refreshed once a minute. */
const PROFILE_TTL_MS = 60_000;
const profiles = new WeakMap<Db, Map<string, Profile>>();

async function profileOf(db: Db, key: string, table: SQL, depth: number): Promise<Profile> {
  let byTable = profiles.get(db);
  if (!byTable) profiles.set(db, (byTable = new Map()));
  const cached = byTable.get(key);
  const now = Date.now();
  if (cached && cached.depth === depth && now - cached.checkedAt < PROFILE_TTL_MS) return cached;
  // Three probes of the published_at index.
  const [row] = await queryRows<{ oldest: string | null; newest: string | null; deep: string | null }>(
    db,
    sql`SELECT (SELECT published_at FROM ${table} WHERE published_at IS NOT NULL ORDER BY published_at NULLS FIRST LIMIT 1)::text AS oldest,
               (SELECT published_at FROM ${table} WHERE published_at IS NOT NULL ORDER BY published_at DESC NULLS LAST LIMIT 1)::text AS newest,
               (SELECT published_at FROM ${table} WHERE published_at IS NOT NULL ORDER BY published_at DESC NULLS LAST, id OFFSET ${depth - 1} LIMIT 1)::text AS deep`,
  );
  const day = (v: string | null | undefined) => (v ? dayOf(v) : null);
  const profile = { oldest: day(row?.oldest), newest: day(row?.newest), deep: day(row?.deep), depth, checkedAt: now };
  byTable.set(key, profile);
  return profile;
}

/** Where a text search starts looking: a day, or null for every match. */
export async function firstHorizon(opts: { db: Db; kind: string; table: SQL; window: number }): Promise<number | null> {
  const profile = await profileOf(opts.db, opts.kind, opts.table, 4 * opts.window);
  // Fewer than 4 × window published records: every match is cheap to visit.
  return profile.deep;
}

/**
 * The next horizon after `found` (< window) matches since `from`: far enough back, at the rate
 * seen, for 1.5 × window matches (more when `found` is small, hence a rough rate), and at least
 * twice as far; null (every match) when that passes the oldest record or nothing matched.
 */
export async function widenHorizon(opts: {
  db: Db;
  kind: string;
  table: SQL;
  window: number;
  from: number;
  found: number;
}): Promise<number | null> {
  const { window, from, found } = opts;
  const profile = await profileOf(opts.db, opts.kind, opts.table, 4 * window);
  if (found === 0 || profile.oldest === null) return null;
  const upper = Math.max(profile.newest ?? from, from);
  const span = upper - from + 1;
  const margin = 1.5 * (1 + 2 / Math.sqrt(found));
  const next = Math.min(upper + 1 - Math.ceil((span * margin * window) / found), upper + 1 - 2 * span);
  return next <= profile.oldest ? null : next;
}
