import { pruneEndedSessions, pruneRateCounters } from '../identity/repository.js';
import { clock } from '../../lib/clock.js';
import type { Job } from '../../lib/scheduler.js';

const DAY = 86400_000;

/** Housekeeping: throttling windows older than a day, and sessions that ended over 30 days ago. */
export const pruneJob: Job = {
  name: 'system.prune',
  everyMs: 3600_000,
  async run({ db }) {
    const now = clock.now().getTime();
    const counters = await pruneRateCounters(db, new Date(now - DAY));
    const sessions = await pruneEndedSessions(db, new Date(now - 30 * DAY));
    return `pruned ${counters} counters, ${sessions} sessions`;
  },
};
