import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { achievementTexts, achievementTextsPublishedAfter, technicalFieldNames } from '../catalog/repository.js';
import { suggestionModels } from './schema.js';
import { readCslPapers } from '../../db/seed/catalog-demo.js';
import { fieldCodeByName } from '../../db/seed/fields.js';
import { requirePermission, systemActor, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { suggestFields, trainFieldModel, type FieldModel } from './field-model.js';
import { buildKeywordIdf, suggestKeywords, type KeywordIdf } from './keywords.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { applyCorrections, countCorrectionsSince, latestCorrections, recordFieldCorrection } from './corrections.js';

/**
 * Field and keyword suggestions while filing. The model is trained on the platform's own labelled
 * records — the shipped CSL papers plus every published achievement — stored in `suggestion_models`
 * (so every server process uses the same one), and retrained by `npm run suggest:train`.
 */
interface StoredModel {
  field: FieldModel;
  keywords: KeywordIdf;
}

/**
 * The newest stored model as last read, and a training under way, per database: a copy of what its
 * `suggestion_models` holds, so keyed by its Db like the other pure caches (two apps on two databases
 * never share one).
 */
interface ModelCache {
  cached: { id: string; model: StoredModel; checkedAt: number } | null;
  training: Promise<void> | null;
}
const caches = new WeakMap<Db, ModelCache>();
function cacheOf(db: Db): ModelCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { cached: null, training: null }));
  return cache;
}
const RECHECK_MS = 5 * 60_000;

export async function trainAndStoreModel(opts: { db: Db; actor?: Actor }) {
  const t0 = performance.now();
  const papers = readCslPapers().map((p) => ({ text: `${p.title}\n${p.abstract}`, field: fieldCodeByName.get(p.discipline)! }));
  const own = await achievementTexts(opts.db, ['published', 'in_trade', 'transferred']);
  // Demo achievements are the CSL papers themselves: count each text once.
  const seen = new Set(papers.map((p) => p.text));
  const labelled = [
    ...papers,
    ...own.map((a) => ({ text: `${a.title}\n${a.summary}`, field: a.fieldCode })).filter((r) => !seen.has(r.text)),
  ];
  // Reviewers' and owners' corrections (corrections.ts): the corrected field replaces a text's old
  // label, and a corrected text not otherwise in the set joins it.
  const corrected = new Map((await latestCorrections(opts.db)).map((c) => [c.text, c.correctedField]));
  const records = labelled.map((r) => (corrected.has(r.text) ? { ...r, field: corrected.get(r.text)! } : r));
  const inSet = new Set(records.map((r) => r.text));
  for (const [text, field] of corrected) if (!inSet.has(text)) records.push({ text, field });
  const model: StoredModel = { field: trainFieldModel(records), keywords: buildKeywordIdf(records.map((r) => r.text)) };
  const id = newId();
  const metrics = {
    trainMs: Math.round(performance.now() - t0),
    records: records.length,
    corrections: corrected.size,
    fields: model.field.fields.length,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(suggestionModels).values({ id, kind: 'field', model, metrics, trainedOn: records.length, trainedAt: clock.now() });
    await writeAudit(tx, opts.actor ?? systemActor('suggest:train'), {
      action: 'suggestion_model.train',
      entity: 'suggestion_model',
      entityId: id,
      after: metrics,
    });
  });
  cacheOf(opts.db).cached = { id, model, checkedAt: Date.now() };
  return { id, ...metrics };
}

async function currentModel(db: Db): Promise<StoredModel> {
  const cache = cacheOf(db);
  const { cached } = cache;
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.model;
  const [latest] = await db
    .select({ id: suggestionModels.id })
    .from(suggestionModels)
    .where(eq(suggestionModels.kind, 'field'))
    .orderBy(desc(suggestionModels.trainedAt))
    .limit(1);
  if (latest && cached?.id === latest.id) {
    cached.checkedAt = Date.now();
    return cached.model;
  }
  if (latest) {
    const [row] = await db.select().from(suggestionModels).where(eq(suggestionModels.id, latest.id));
    cache.cached = { id: latest.id, model: row!.model as StoredModel, checkedAt: Date.now() };
    return cache.cached.model;
  }
  // No model yet (a fresh database): train one from the shipped data, once per database.
  cache.training ??= trainAndStoreModel({ db })
    .then(() => undefined)
    .finally(() => (cache.training = null));
  await cache.training;
  return cache.cached!.model;
}

export async function suggestForText(opts: { db: Db; title: string; summary: string }) {
  const text = `${opts.title}\n${opts.summary}`;
  if (!text.trim()) return { fields: [], keywords: [] };
  const model = await currentModel(opts.db);
  const top = applyCorrections(model.field, text, suggestFields(model.field, text, 3), await latestCorrections(opts.db));
  const names = await technicalFieldNames(opts.db, top.map((t) => t.field).concat(''));
  return {
    fields: top.map((t) => ({
      code: t.field,
      name: names.get(t.field) ?? t.field,
      confidence: Math.round(t.confidence * 1000) / 1000,
      basis: t.basis,
    })),
    keywords: suggestKeywords(text, 5, model.keywords),
  };
}

/** Inverse document frequencies of the platform's vocabulary (from the current model), for weighting terms. */
export async function termIdf(db: Db): Promise<(term: string) => number> {
  const { keywords } = await currentModel(db);
  const unseen = Math.log(1 + keywords.documents) + 1;
  return (term) => keywords.idf[term] ?? unseen;
}

/** A record's owner or reviewer says the suggested field was wrong (corrections.ts). */
export async function correctSuggestedField(opts: {
  db: Db;
  actor: Actor;
  kind: RecordKind;
  recordId: string;
  suggestedField: string | null;
  fieldCode: string;
}) {
  return recordFieldCorrection({
    ...opts,
    suggestNow: async (text) => {
      const model = await currentModel(opts.db);
      return suggestFields(model.field, text, 1)[0]?.field ?? null;
    },
  });
}

/**
 * How the model in use does on the catalogue's own recent records: achievements published after
 * it was trained (records it has not seen), at most `RECENT_EVALUATED`, top-1 and top-3 with the
 * corrections applied as at suggestion time; and the corrections waiting for the next retrain.
 */
const RECENT_EVALUATED = 500;
export async function fieldModelReport(opts: { db: Db; actor: Actor }) {
  requirePermission(opts.actor, 'catalog:curate');
  const model = await currentModel(opts.db);
  const [latest] = await opts.db
    .select({
      id: suggestionModels.id,
      trainedAt: suggestionModels.trainedAt,
      trainedOn: suggestionModels.trainedOn,
      metrics: suggestionModels.metrics,
    })
    .from(suggestionModels)
    .where(eq(suggestionModels.kind, 'field'))
    .orderBy(desc(suggestionModels.trainedAt))
    .limit(1);
  const trainedAt = latest!.trainedAt;
  const recent = await achievementTextsPublishedAfter(opts.db, trainedAt, RECENT_EVALUATED);
  const corrections = await latestCorrections(opts.db);
  let top1 = 0;
  let top3 = 0;
  for (const r of recent) {
    const text = `${r.title}\n${r.summary}`;
    const got = applyCorrections(model.field, text, suggestFields(model.field, text, 3), corrections).map((s) => s.field);
    if (got[0] === r.fieldCode) top1++;
    if (got.includes(r.fieldCode)) top3++;
  }
  const n = recent.length;
  return {
    model: {
      id: latest!.id,
      trainedAt: trainedAt.toISOString(),
      trainedOn: latest!.trainedOn,
      corrections: Number((latest!.metrics as { corrections?: number } | null)?.corrections ?? 0),
    },
    recent: { records: n, top1: n ? top1 / n : null, top3: n ? top3 / n : null },
    correctionsSinceTraining: await countCorrectionsSince(opts.db, trainedAt),
    correctionsTotal: corrections.length,
  };
}

/** Retrains when corrections arrived since the model in use was trained (the nightly job; or an admin at once). */
export async function retrainIfCorrected(opts: { db: Db; actor: Actor; force?: boolean }) {
  const [latest] = await opts.db
    .select({ trainedAt: suggestionModels.trainedAt })
    .from(suggestionModels)
    .where(eq(suggestionModels.kind, 'field'))
    .orderBy(desc(suggestionModels.trainedAt))
    .limit(1);
  const waiting = latest ? await countCorrectionsSince(opts.db, latest.trainedAt) : 0;
  if (latest && waiting === 0 && !opts.force) return null;
  return trainAndStoreModel(opts);
}
