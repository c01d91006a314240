import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { systemActor, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { matchingTextModels } from './schema.js';
import {
  MIN_DOCUMENTS_FOR_LATENT,
  profileOf,
  recordTerms,
  trainTextModelSharing,
  vocabularyIndex,
  type Profile,
  type Terms,
  type TextModel,
} from './text-model.js';
import { parseTsvector } from './vectors.js';

/**
 * The stored text model: learned from the published catalogue by `retrainTextModel` (a scheduled
 * job and `npm run`-free first use), read by every process from `matching_text_models`.
 * Cached per database handle (so two apps in one process stay apart) and rechecked every few minutes.
 */
const TRAIN_LIMIT = 20_000;
const RECHECK_MS = 5 * 60_000;

interface Loaded {
  id: string;
  model: TextModel;
  index: Map<string, number>;
  checkedAt: number;
}
const cache = new WeakMap<Db, Loaded>();
const training = new WeakMap<Db, Promise<Loaded>>();

export interface TextRow {
  v: string | null;
  title: string;
  keywords: string[];
}

/**
 * A record's weighted terms: title and keywords (3) and summary (1) from its stored search vector,
 * plus title/keyword bigrams. The rest of the vector (weight C: organisation name, IP titles...) stays
 * out: two records from one organisation are not related by text.
 */
const MATCHING_WEIGHTS = { A: 3, B: 1, C: 0, D: 0 };
export const termsOfRow = (row: TextRow): Terms =>
  recordTerms(parseTsvector(row.v ?? '', MATCHING_WEIGHTS), `${row.title} ${row.keywords.join(' ')}`);

async function publishedTexts(db: Db, table: 'achievements' | 'demands', limit: number) {
  return queryRows<TextRow>(
    db,
    sql`SELECT search_vector::text AS v, title, keywords FROM ${sql.identifier(table)}
        WHERE status IN ('published', 'in_trade') AND NOT restricted
        ORDER BY published_at DESC NULLS LAST, id LIMIT ${limit}`,
  );
}

async function publishedCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM achievements WHERE status IN ('published', 'in_trade') AND NOT restricted)
             + (SELECT count(*) FROM demands WHERE status IN ('published', 'in_trade') AND NOT restricted))::int AS n`,
  );
  return row?.n ?? 0;
}

/** Learns a new model from the newest published achievements and demands and stores it. */
export async function retrainTextModel(opts: { db: Db; actor?: Actor }) {
  const t0 = performance.now();
  const rows = [
    ...(await publishedTexts(opts.db, 'achievements', TRAIN_LIMIT)),
    ...(await publishedTexts(opts.db, 'demands', TRAIN_LIMIT / 4)),
  ];
  const model = await trainTextModelSharing(rows.map(termsOfRow));
  // Terms seen once are the default (df 1): storing them would only grow the row.
  const df: Record<string, number> = {};
  for (const [t, d] of Object.entries(model.df)) if (d >= 2) df[t] = d;
  const trainMs = Math.round(performance.now() - t0);
  const id = newId();
  const vectors = Buffer.from(model.vectors.buffer, model.vectors.byteOffset, model.vectors.byteLength);
  await opts.db.transaction(async (tx) => {
    await tx.insert(matchingTextModels).values({
      id,
      model: { documents: model.documents, avgLength: model.avgLength, df, terms: model.terms, dims: model.dims },
      vectors,
      trainedOn: rows.length,
      trainMs,
      trainedAt: clock.now(),
    });
    // Keep the newest few only: a model is rebuilt from the catalogue at any time.
    await tx.execute(
      sql`DELETE FROM matching_text_models WHERE id NOT IN (SELECT id FROM matching_text_models ORDER BY trained_at DESC, id LIMIT 3)`,
    );
    await writeAudit(tx, opts.actor ?? systemActor('matching:train'), {
      action: 'matching_model.train',
      entity: 'matching_text_model',
      entityId: id,
      after: { records: rows.length, dims: model.dims, terms: model.terms.length, trainMs },
    });
  });
  const loaded = { id, model: { ...model, df }, index: vocabularyIndex(model), checkedAt: Date.now() };
  cache.set(opts.db, loaded);
  return { id, records: rows.length, dims: model.dims, terms: model.terms.length, trainMs };
}

function decode(row: typeof matchingTextModels.$inferSelect): TextModel {
  const m = row.model as Omit<TextModel, 'vectors'>;
  const bytes = row.vectors;
  // Copy into an aligned buffer: a Buffer may start at any offset of a shared pool.
  const vectors = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(vectors.buffer).set(bytes);
  return { ...m, vectors };
}

async function trainOnce(db: Db): Promise<Loaded> {
  let p = training.get(db);
  if (!p) {
    p = retrainTextModel({ db })
      .then(() => cache.get(db)!)
      .finally(() => training.delete(db));
    training.set(db, p);
  }
  return p;
}

/**
 * The current model. With none stored yet, or a small catalogue that has changed since (learning is
 * then a matter of milliseconds, and a fresh platform's first records should count at once), it is
 * learned now; a large catalogue waits for the scheduled retrain.
 */
export async function currentTextModel(db: Db): Promise<{ model: TextModel; index: Map<string, number> }> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.checkedAt < RECHECK_MS && hit.model.documents >= MIN_DOCUMENTS_FOR_LATENT) return hit;
  const [latest] = await db
    .select({ id: matchingTextModels.id, trainedOn: matchingTextModels.trainedOn })
    .from(matchingTextModels)
    .orderBy(desc(matchingTextModels.trainedAt), desc(matchingTextModels.id))
    .limit(1);
  if (!latest) return trainOnce(db);
  if (latest.trainedOn < MIN_DOCUMENTS_FOR_LATENT && (await publishedCount(db)) !== latest.trainedOn) return trainOnce(db);
  if (hit && hit.id === latest.id) {
    hit.checkedAt = Date.now();
    return hit;
  }
  const [row] = await db.select().from(matchingTextModels).where(eq(matchingTextModels.id, latest.id));
  const model = decode(row!);
  const loaded = { id: row!.id, model, index: vocabularyIndex(model), checkedAt: Date.now() };
  cache.set(db, loaded);
  return loaded;
}

/** A profiler bound to the current model: text row → profile. */
export async function textProfiler(db: Db): Promise<(row: TextRow) => Profile> {
  const { model, index } = await currentTextModel(db);
  return (row) => profileOf(model, index, termsOfRow(row));
}
