import type { Db } from '../../db/client.js';
import { clock } from '../../lib/clock.js';

/**
 * Totals and facet counts of searches without text (the portal's list pages) are exact counts over
 * every visible record that passes the filters: at a million records, a scan of seconds. A count
 * that took at least `slowMs` is kept (per process, per database, per key: kind, who may see what,
 * filters) and reused while fresh; after that, for a while, the kept value answers at once while one
 * count in the background replaces it. A count that is quick is never kept, so small catalogues —
 * and the tests — always count live.
 *
 * The pages themselves are never cached: only how many records there are, which at that size moves
 * by a few while a person reads the page.
 */
export const slowCountSettings = {
  /** Counts faster than this are not kept. */
  slowMs: 250,
  /** A kept count is used as it is for this long … */
  freshMs: 60_000,
  /** … then, up to this age, used while a background count replaces it; older, counted again first. */
  staleMs: 10 * 60_000,
  maxEntries: 256,
};

interface Entry {
  value: unknown;
  countedAt: number;
  refreshing: boolean;
}
const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

async function countAndKeep<T>(cache: Map<string, Entry>, key: string, count: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await count();
  if (performance.now() - started >= slowCountSettings.slowMs) {
    cache.delete(key); // re-inserted last: the Map's order is the eviction order
    cache.set(key, { value, countedAt: clock.now().getTime(), refreshing: false });
    while (cache.size > slowCountSettings.maxEntries) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key); // it got quick (records were withdrawn, or the server is idle): count live again
  }
  return value;
}

/** The count for `key`: kept when counting it was slow (see above), else counted now. */
export async function slowCount<T>(db: Db, key: string, count: () => Promise<T>, onBackgroundError?: (err: unknown) => void): Promise<T> {
  const cache = cacheOf(db);
  const entry = cache.get(key);
  const age = entry ? clock.now().getTime() - entry.countedAt : Infinity;
  if (!entry || age >= slowCountSettings.staleMs) return countAndKeep(cache, key, count);
  if (age >= slowCountSettings.freshMs && !entry.refreshing) {
    entry.refreshing = true;
    countAndKeep(cache, key, count)
      .catch((err: unknown) => onBackgroundError?.(err))
      .finally(() => {
        entry.refreshing = false;
      });
  }
  return entry.value as T;
}

/** Forgets every kept count (tests; an operator after a bulk import). */
export function forgetSlowCounts(db: Db): void {
  caches.delete(db);
}
