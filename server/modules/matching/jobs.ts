import { systemActor } from '../../lib/actor.js';
import type { Job } from '../../lib/scheduler.js';
import { retrainTextModel } from './model-store.js';

/** Relearns the text model from the published catalogue (a small catalogue also relearns on first use after a change). */
export const retrainTextModelJob: Job = {
  name: 'matching.retrain_text_model',
  everyMs: 6 * 3600_000,
  async run(ctx) {
    const r = await retrainTextModel({ db: ctx.db, actor: systemActor('job:matching') });
    return `${r.records} records, ${r.terms} terms, ${r.dims} dimensions, ${r.trainMs} ms`;
  },
};
