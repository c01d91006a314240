import { systemActor } from '../../lib/actor.js';
import type { Job } from '../../lib/scheduler.js';
import { retrainIfCorrected } from './service.js';

/** Retrains the field model at night when reviewers or owners corrected suggested fields since the last training. */
export const retrainFieldModelJob: Job = {
  name: 'suggest.retrain_field_model',
  everyMs: 24 * 3600_000,
  async run(ctx) {
    const r = await retrainIfCorrected({ db: ctx.db, actor: systemActor('job:suggest') });
    return r ? `${r.records} records, ${r.corrections} corrections, ${r.trainMs} ms` : 'no corrections since the last training';
  },
};
