import { systemActor } from '../../lib/actor.js';
import type { Job } from '../../lib/scheduler.js';
import { deliverNotifications, emailChannel } from './notify.js';
import { checkSavedSearches, sendDailyDigests } from './service.js';

export const checkSavedSearchesJob: Job = {
  name: 'alerts.check_saved_searches',
  everyMs: 60_000,
  async run(ctx) {
    const n = await checkSavedSearches({
      db: ctx.db,
      search: ctx.search,
      mailer: ctx.mailer,
      publicUrl: ctx.config.publicUrl,
      actor: systemActor('job:alerts'),
    });
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

/** Hands notifications written by notify() to the channels (e-mail now for `instant` users). */
export const deliverNotificationsJob: Job = {
  name: 'alerts.deliver',
  everyMs: 30_000,
  async run(ctx) {
    const n = await deliverNotifications({ db: ctx.db, channels: [emailChannel(ctx.mailer, ctx.config.publicUrl)] });
    return `${n} delivered`;
  },
};
