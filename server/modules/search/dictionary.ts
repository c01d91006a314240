import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { PUBLIC_STATUSES } from '../catalog/lifecycle.js';
import { keywordsOfUnrestricted, newestPublishedAt } from '../catalog/repository.js';
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

async function load(db: Db, state: State): Promise<void> {
  const newest = await newestPublishedAt(db, PUBLIC_STATUSES);
  if (newest === null || newest === state.watermark) return;
  const since = state.watermark === null ? null : sql`${state.watermark}::timestamptz - interval '${sql.raw(LOOKBACK)}'`;
  const words = await keywordsOfUnrestricted(db, PUBLIC_STATUSES, since);
  const fresh = words.filter((w) => !state.words.has(w));
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
