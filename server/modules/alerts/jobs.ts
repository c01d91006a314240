import { systemActor } from '../../lib/actor.js';
import type { Job } from '../../lib/scheduler.js';
import { checkSavedSearches, sendDailyDigests } from './service.js';

export const checkSavedSearchesJob: Job = {
  name: 'alerts.check_saved_searches',
  everyMs: 60_000,
  async run(ctx) {
    const n = await checkSavedSearches({ db: ctx.db, search: ctx.search, mailer: ctx.mailer, publicUrl: ctx.config.publicUrl, actor: systemActor('job:alerts') });
    return `${n} notifications`;
  },
};

export const dailyDigestJob: Job = {
  name: 'alerts.daily_digest',
  everyMs: 24 * 3600_000,
  async run(ctx) {
    const n = await sendDailyDigests({ db: ctx.db, mailer: ctx.mailer, publicUrl: ctx.config.publicUrl });
    return `${n} digests`;
  },
};
