import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { partiesFor, canSeeRecord } from '../catalog/policy.js';
import { facts, loadRecord } from '../catalog/records.js';
import { technicalFieldExists } from '../catalog/repository.js';
import { vectorize, type SparseVector } from './features.js';
import type { FieldModel } from './field-model.js';
import type { FieldSuggestion } from './suggestion.js';
import { fieldCorrections } from './schema.js';

/**
 * Corrections of the suggested technical field. When a record's owner or a reviewer says the field
 * the model suggested is wrong, the record's text and the right field are kept:
 * - at once, as an override: a text nearly the same as a corrected one (cosine of their TF-IDF
 *   vectors ≥ OVERRIDE_SIMILARITY) gets the corrected field first;
 * - at the next retrain (service.ts, the nightly job), as a labelled example that replaces the
 *   text's old label.
 * The last correction of a record wins.
 */
export const OVERRIDE_SIMILARITY = 0.8;

export interface Correction {
  recordKind: string;
  recordId: string;
  text: string;
  correctedField: string;
}

const caches = new WeakMap<Db, Correction[]>();

/** The latest correction of every record, oldest first (cached per database until a new correction). */
export async function latestCorrections(db: Db): Promise<Correction[]> {
  const hit = caches.get(db);
  if (hit) return hit;
  const rows = await db
    .select({
      recordKind: fieldCorrections.recordKind,
      recordId: fieldCorrections.recordId,
      text: fieldCorrections.text,
      correctedField: fieldCorrections.correctedField,
    })
    .from(fieldCorrections)
    .orderBy(fieldCorrections.createdAt, fieldCorrections.id);
  const byRecord = new Map<string, Correction>();
  for (const r of rows) {
    const key = `${r.recordKind}:${r.recordId}`;
    byRecord.delete(key);
    byRecord.set(key, r);
  }
  const list = [...byRecord.values()];
  caches.set(db, list);
  return list;
}

export async function countCorrectionsSince(db: Db, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fieldCorrections)
    .where(sql`${fieldCorrections.createdAt} > ${since}`);
  return row?.n ?? 0;
}

function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!;
    const y = b.idx[j]!;
    if (x === y) dot += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  const na = Math.sqrt(a.val.reduce((s, v) => s + v * v, 0));
  const nb = Math.sqrt(b.val.reduce((s, v) => s + v * v, 0));
  return na && nb ? dot / (na * nb) : 0;
}

/**
 * The model's suggestions with the nearest correction applied: when a corrected text is at least
 * OVERRIDE_SIMILARITY alike, its field goes first; the confidences stay where they were by rank
 * (so they still descend and sum to at most 1). Pure.
 */
export function applyCorrections(
  model: FieldModel,
  text: string,
  suggestions: FieldSuggestion[],
  corrections: readonly Correction[],
): Array<FieldSuggestion & { basis: 'model' | 'correction' }> {
  const plain = suggestions.map((s) => ({ ...s, basis: 'model' as const }));
  if (corrections.length === 0 || suggestions.length === 0) return plain;
  const x = vectorize(model.vectorizer, text);
  let best: { field: string; similarity: number } | null = null;
  for (const c of corrections) {
    const similarity = cosine(x, vectorize(model.vectorizer, c.text));
    if (similarity >= OVERRIDE_SIMILARITY && (!best || similarity > best.similarity)) best = { field: c.correctedField, similarity };
  }
  if (!best || !model.fields.includes(best.field)) return plain;
  const order = [best.field, ...suggestions.map((s) => s.field).filter((f) => f !== best.field)].slice(0, suggestions.length);
  return order.map((field, i) => ({ field, confidence: suggestions[i]!.confidence, basis: i === 0 ? 'correction' : 'model' }));
}

/**
 * Records a correction of a record's suggested field by its owner or a reviewer (deny by default:
 * anyone else is refused; a record the actor cannot see is not found). `suggestedField` is what the
 * model suggested (given by the client that showed it, or the model's suggestion now).
 */
export async function recordFieldCorrection(opts: {
  db: Db;
  actor: Actor;
  kind: RecordKind;
  recordId: string;
  suggestedField: string | null;
  fieldCode: string;
  suggestNow: (text: string) => Promise<string | null>;
}): Promise<{ id: string; suggestedField: string | null; correctedField: string }> {
  const { db, actor } = opts;
  const rec = await loadRecord(db, opts.kind, opts.recordId);
  if (!rec || !canSeeRecord(actor, facts(rec))) throw AppError.notFound('Record');
  const parties = partiesFor(actor, facts(rec));
  const owner = parties.includes('owner') && actor.permissions.has('catalog:file');
  const reviewer = parties.includes('reviewer') && actor.permissions.has('catalog:review');
  if (actor.kind !== 'system' && !owner && !reviewer)
    throw AppError.forbidden('Only the record’s owner or a reviewer may correct its field');
  if (!(await technicalFieldExists(db, opts.fieldCode))) throw AppError.validation('body.fieldCode', 'is not a known technical field');
  if (opts.suggestedField !== null && !(await technicalFieldExists(db, opts.suggestedField)))
    throw AppError.validation('body.suggestedField', 'is not a known technical field');
  const text = `${rec.row.title}\n${rec.row.summary}`;
  const suggestedField = opts.suggestedField ?? (await opts.suggestNow(text));
  if (suggestedField === opts.fieldCode) throw AppError.validation('body.fieldCode', 'is the suggested field: there is nothing to correct');
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(fieldCorrections).values({
      id,
      recordKind: opts.kind,
      recordId: opts.recordId,
      text,
      suggestedField,
      correctedField: opts.fieldCode,
      correctedBy: actor.userId,
      createdAt: clock.now(),
    });
    await writeAudit(tx, actor, {
      action: 'field_correction.create',
      entity: opts.kind,
      entityId: opts.recordId,
      organizationId: rec.row.organizationId,
      before: { suggestedField },
      after: { correctedField: opts.fieldCode, correctionId: id },
    });
  });
  caches.delete(db);
  return { id, suggestedField, correctedField: opts.fieldCode };
}

export async function listCorrections(db: Db, limit: number) {
  return db.select().from(fieldCorrections).orderBy(desc(fieldCorrections.createdAt)).limit(limit);
}
