import type { Job } from '../../lib/scheduler.js';
import { deliverDue, enqueueEvents } from './webhooks.js';

/** Follows the audit log into webhook deliveries and sends the due ones (retries wait their backoff). */
export const webhooksJob: Job = {
  name: 'feeds.webhooks',
  everyMs: 10_000,
  async run(ctx) {
    const queued = await enqueueEvents({ db: ctx.db, publicUrl: ctx.config.publicUrl });
    const sent = await deliverDue({ db: ctx.db });
    return `queued ${queued}, delivered ${sent.delivered}, retrying ${sent.retried}, failed ${sent.failed}`;
  },
};
