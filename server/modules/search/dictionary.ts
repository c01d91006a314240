import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { PUBLIC_STATUSES } from '../catalog/lifecycle.js';
import { addDictionaryWords } from '../suggest/tokenize.js';

/**
 * The user dictionary: keywords of published (public, unrestricted) records are added to jieba,
 * so a technical term a filer chose as a keyword (钙钛矿叠层电池) is one token in queries and in
 * vectors built afterwards.
 *
 * Loaded in full on first use (the search routes start it when the app is ready), then kept up to
 * date incrementally: before each search the newest published_at is compared with the last one
 * seen (one index probe per table), and keywords of records published since are added. So every
 * process picks up a record published through any process at its next search, without a hook in
 * the catalogue and without shared state.
 *
 * No vector has to be rebuilt when a word is added: a record's own keywords are always indexed
 * whole (vector.ts), and other records containing the word are found through the sub-word fallback
 * of the query (query.ts), because search-mode indexing emitted those sub-words before and after.
 */
/** Records published just before the last check may commit after it: look back this far again. */
const LOOKBACK = '1 minute';

interface State {
  /** ISO timestamp (microseconds kept, as text) of the newest published_at loaded, or null. */
  watermark: string | null;
  /** Whether a load has completed (the full load happens on first use). */
  loaded: boolean;
  words: Set<string>;
  pending: Promise<number> | null;
}
const states = new WeakMap<Db, State>();

const STATUSES = sql.join(
  PUBLIC_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

async function newestPublished(db: Db): Promise<string | null> {
  // One max() per (table, status): each is a backward probe of the (status, published_at) index;
  // a single max() over `status IN (…)` would scan every row.
  const probes = ['achievements', 'demands'].flatMap((table) =>
    PUBLIC_STATUSES.map((s) => sql`(SELECT max(published_at) FROM ${sql.raw(table)} WHERE status = ${s})`),
  );
  const [row] = await queryRows<{ newest: string | null }>(db, sql`SELECT greatest(${sql.join(probes, sql`, `)})::text AS newest`);
  return row?.newest ?? null;
}

/** Adds the keywords published since the last load; resolves with how many words were new to jieba. */
async function load(db: Db, state: State): Promise<number> {
  const newest = await newestPublished(db);
  if (newest === null || newest === state.watermark) {
    state.loaded = true;
    return 0;
  }
  const since = state.watermark === null ? sql`TRUE` : sql`published_at >= ${state.watermark}::timestamptz - interval '${sql.raw(LOOKBACK)}'`;
  const rows = await queryRows<{ word: string }>(
    db,
    sql`SELECT DISTINCT unnest(keywords) AS word FROM achievements WHERE status IN (${STATUSES}) AND NOT restricted AND ${since}
        UNION
        SELECT DISTINCT unnest(keywords) FROM demands WHERE status IN (${STATUSES}) AND NOT restricted AND ${since}`,
  );
  const fresh = rows.map((r) => r.word).filter((w) => !state.words.has(w));
  for (const w of fresh) state.words.add(w);
  addDictionaryWords(fresh);
  state.watermark = newest;
  state.loaded = true;
  return fresh.length;
}

/**
 * Brings the dictionary up to date with what has been published (cheap when nothing has): resolves
 * with how many words were added, so a caller that cut a query while this ran knows whether the
 * cut may have changed (0: it did not).
 */
export async function refreshDictionary(db: Db): Promise<number> {
  let state = states.get(db);
  if (!state) states.set(db, (state = { watermark: null, loaded: false, words: new Set(), pending: null }));
  // One refresh at a time per database; concurrent searches wait for it.
  while (state.pending) await state.pending;
  const pending = load(db, state).finally(() => {
    state.pending = null;
  });
  state.pending = pending;
  return pending;
}

/** Whether the full load has happened for this database (before it, queries must wait for it). */
export const dictionaryLoaded = (db: Db): boolean => states.get(db)?.loaded === true;
