import { readFileSync } from 'node:fs';
import { nearestCentroidBaseline } from './centroid.js';
import { weightedCentroidFieldModel } from './field-model.js';
import type { FieldRecord, FieldSuggester } from './suggestion.js';
import { createRandom, shuffled } from '../../lib/random.js';

/** One CSL-style record: the text is "title\nabstract", the field its discipline. */
export interface LabelledRecord extends FieldRecord {
  id: string;
  keywords: string[];
}

export function readJsonl(path: string): LabelledRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const r = JSON.parse(line) as { id: string; title: string; abstract?: string; keywords?: string[]; discipline: string };
      return { id: r.id, text: `${r.title}\n${r.abstract ?? ''}`, field: r.discipline, keywords: r.keywords ?? [] };
    });
}

export interface FieldScores {
  top1: number;
  top3: number;
  baselineTop1: number;
  baselineTop3: number;
  n: number;
  /** Milliseconds spent training our model (summed over folds). */
  trainMs: number;
}

interface Hits {
  top1: number;
  top3: number;
}

function measure<M>(suggester: FieldSuggester<M>, train: FieldRecord[], test: FieldRecord[]): Hits & { trainMs: number } {
  const t0 = performance.now();
  const model = suggester.train(train);
  const trainMs = performance.now() - t0;
  let top1 = 0;
  let top3 = 0;
  for (const r of test) {
    const fields = suggester.suggest(model, r.text, 3).map((s) => s.field);
    if (fields[0] === r.field) top1++;
    if (fields.includes(r.field)) top3++;
  }
  return { top1, top3, trainMs };
}

/** Train on one set, measure on another (ours and the nearest-centroid baseline). */
export function evaluateFields(
  train: FieldRecord[],
  test: FieldRecord[],
  suggester: FieldSuggester<unknown> = weightedCentroidFieldModel as FieldSuggester<unknown>,
): FieldScores {
  const ours = measure(suggester, train, test);
  const base = measure(nearestCentroidBaseline, train, test);
  const n = test.length;
  return { top1: ours.top1 / n, top3: ours.top3 / n, baselineTop1: base.top1 / n, baselineTop3: base.top3 / n, n, trainMs: ours.trainMs };
}

/**
 * k-fold cross-validation over a seeded shuffle; every record is tested exactly once, so the
 * figures are hit rates over all n records.
 */
export function crossValidateFields(
  records: FieldRecord[],
  folds = 5,
  seed = 42,
  suggester: FieldSuggester<unknown> = weightedCentroidFieldModel as FieldSuggester<unknown>,
): FieldScores {
  const order = shuffled(records, createRandom(seed));
  const hits = { top1: 0, top3: 0, baselineTop1: 0, baselineTop3: 0, trainMs: 0 };
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f);
    const train = order.filter((_, i) => i % folds !== f);
    const ours = measure(suggester, train, test);
    const base = measure(nearestCentroidBaseline, train, test);
    hits.top1 += ours.top1;
    hits.top3 += ours.top3;
    hits.baselineTop1 += base.top1;
    hits.baselineTop3 += base.top3;
    hits.trainMs += ours.trainMs;
  }
  const n = records.length;
  return {
    top1: hits.top1 / n,
    top3: hits.top3 / n,
    baselineTop1: hits.baselineTop1 / n,
    baselineTop3: hits.baselineTop3 / n,
    n,
    trainMs: hits.trainMs,
  };
}
