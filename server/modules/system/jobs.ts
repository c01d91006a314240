import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import type { Job } from '../../lib/scheduler.js';

const DAY = 86400_000;

/** Housekeeping: throttling windows older than a day, and sessions that ended over 30 days ago. */
export const pruneJob: Job = {
  name: 'system.prune',
  everyMs: 3600_000,
  async run({ db }) {
    const now = clock.now().getTime();
    const counters = await queryRows(db, sql`DELETE FROM rate_counters WHERE window_start < ${new Date(now - DAY)} RETURNING key`);
    const sessions = await queryRows(
      db,
      sql`DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < ${new Date(now - 30 * DAY)} RETURNING id`,
    );
    return `pruned ${counters.length} counters, ${sessions.length} sessions`;
  },
};
