import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { PUBLIC_STATUSES } from '../catalog/lifecycle.js';
import { addDictionaryWords } from '../../lib/text/tokenize.js';

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
  words: Set<string>;
  pending: Promise<void> | null;
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

async function load(db: Db, state: State): Promise<void> {
  const newest = await newestPublished(db);
  if (newest === null || newest === state.watermark) return;
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
}

/** Brings the dictionary up to date with what has been published (cheap when nothing has). */
export async function refreshDictionary(db: Db): Promise<void> {
  let state = states.get(db);
  if (!state) states.set(db, (state = { watermark: null, words: new Set(), pending: null }));
  // One refresh at a time per database; concurrent searches wait for it.
  while (state.pending) await state.pending;
  state.pending = load(db, state).finally(() => {
    state.pending = null;
  });
  await state.pending;
}
