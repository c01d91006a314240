import type { Clock } from '../../lib/clock.js';

/**
 * Totals and facet counts of searches without text (the portal's list pages) are exact counts over
 * every visible record that passes the filters: at a million records, a scan of seconds. A count
 * that took at least `slowMs` is kept (per app, per key: kind, who may see what,
 * filters) and reused while fresh; after that, for a while, the kept value answers at once while one
 * count in the background replaces it. A count that is quick is never kept, so small catalogues —
 * and the tests — always count live.
 *
 * The pages themselves are never cached: only how many records there are, which at that size moves
 * by a few while a person reads the page.
 */
export interface SlowCountSettings {
  /** Counts faster than this are not kept. */
  slowMs: number;
  /** A kept count is used as it is for this long … */
  freshMs: number;
  /** … then, up to this age, used while a background count replaces it; older, counted again first. */
  staleMs: number;
  maxEntries: number;
}

export const DEFAULT_SLOW_COUNT_SETTINGS: Readonly<SlowCountSettings> = Object.freeze({
  slowMs: 250,
  freshMs: 60_000,
  staleMs: 10 * 60_000,
  maxEntries: 256,
});

interface Entry {
  value: unknown;
  countedAt: number;
  refreshing: boolean;
}

/** One app's kept counts (part of the app's SearchState, made in buildApp); how long a count took is read on the app's clock. */
export class SlowCounts {
  readonly settings: SlowCountSettings;
  private cache = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    settings: Partial<SlowCountSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SLOW_COUNT_SETTINGS, ...settings };
  }

  /** The count for `key`: kept when counting it was slow (see above), else counted now. */
  async count<T>(key: string, count: () => Promise<T>, onBackgroundError?: (err: unknown) => void): Promise<T> {
    const entry = this.cache.get(key);
    const age = entry ? this.clock.now().getTime() - entry.countedAt : Infinity;
    if (!entry || age >= this.settings.staleMs) return this.countAndKeep(key, count);
    if (age >= this.settings.freshMs && !entry.refreshing) {
      entry.refreshing = true;
      this.countAndKeep(key, count)
        .catch((err: unknown) => onBackgroundError?.(err))
        .finally(() => {
          entry.refreshing = false;
        });
    }
    return entry.value as T;
  }

  /** Forgets every kept count (tests; an operator after a bulk import). */
  forget(): void {
    this.cache = new Map();
  }

  private async countAndKeep<T>(key: string, count: () => Promise<T>): Promise<T> {
    const cache = this.cache;
    const started = this.clock.now().getTime();
    const value = await count();
    const countedAt = this.clock.now().getTime();
    if (countedAt - started >= this.settings.slowMs) {
      cache.delete(key); // re-inserted last: the Map's order is the eviction order
      cache.set(key, { value, countedAt, refreshing: false });
      while (cache.size > this.settings.maxEntries) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(key); // it got quick (records were withdrawn, or the server is idle): count live again
    }
    return value;
  }
}
