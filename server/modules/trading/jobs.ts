import { lt, sql } from 'drizzle-orm';
import { tradeIdempotencyKeys } from './schema.js';
import { clock } from '../../lib/clock.js';
import type { Job } from '../../lib/scheduler.js';
import { closeDueAuctions, concludeDueNotices, endDueListings } from './closing.js';

/**
 * Trading's recurring jobs. Each reads what is due from the database and settles it row by row
 * under a row lock, re-checking inside (closing.ts): running twice, on several instances or after
 * a restart changes nothing. An auction someone is watching is also closed at its end by the
 * watching process (events.ts); this job closes the rest.
 */
const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;
/**
 * How often the closing jobs look for due auctions, listings and notices (server/main.ts gives jobs
 * this short a tick of their own): what is due closes at most a few seconds late. When nothing is
 * due a run is one probe of a (status, ends_at) index.
 */
export const CLOSING_PERIOD_MS = 2_000;

export const closeAuctionsJob: Job = {
  name: 'trading.close_auctions',
  everyMs: CLOSING_PERIOD_MS,
  async run({ db }) {
    return `closed ${await closeDueAuctions({ db })} auction(s)`;
  },
};

export const endListingsJob: Job = {
  name: 'trading.end_listings',
  everyMs: CLOSING_PERIOD_MS,
  async run({ db }) {
    return `ended ${await endDueListings({ db })} listing(s)`;
  },
};

export const concludeNoticesJob: Job = {
  name: 'trading.conclude_notices',
  everyMs: CLOSING_PERIOD_MS,
  async run({ db }) {
    return `concluded ${await concludeDueNotices({ db })} notice(s)`;
  },
};

/** Bid idempotency keys are kept a day: long past any client's retry. */
export const pruneIdempotencyKeysJob: Job = {
  name: 'trading.prune_idempotency_keys',
  everyMs: 3600_000,
  async run({ db }) {
    const cutoff = new Date(clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS);
    const res = (await db
      .delete(tradeIdempotencyKeys)
      .where(lt(tradeIdempotencyKeys.createdAt, cutoff))
      .returning({ one: sql`1` })) as unknown[];
    return `pruned ${res.length} idempotency key(s)`;
  },
};

/** This module's recurring jobs (registered in server/app.ts SCHEDULED_JOBS). */
export const tradingJobs: Job[] = [closeAuctionsJob, endListingsJob, concludeNoticesJob, pruneIdempotencyKeysJob];
