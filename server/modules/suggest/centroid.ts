import { dotDense, fitVectorizer, termCounts, vectorize, vectorizeCounts, type FeatureOptions, type Vectorizer } from './features.js';
import { softmax, topK, type FieldRecord, type FieldSuggester, type FieldSuggestion } from './suggestion.js';

/**
 * The benchmark's baseline: nearest centroid over plain TF-IDF of jieba words (no title weighting,
 * no bigrams). Each field's centroid is the mean of its records' unit vectors; a text goes to the
 * field with the highest cosine. Confidence is a softmax over cosines (temperature 0.05).
 */

export interface CentroidModel {
  kind: 'centroid-v1';
  fields: string[];
  vectorizer: Vectorizer;
  /** One dense unit-length centroid per field, in `fields` order. */
  centroids: number[][];
}

const BASELINE_FEATURES: FeatureOptions = { titleWeight: 1, characterWeight: 0, bigramWeight: 0, minDf: 1 };
const TEMPERATURE = 0.05;

export function trainCentroidModel(records: FieldRecord[]): CentroidModel {
  const fields = [...new Set(records.map((r) => r.field))].sort();
  const fieldIndex = new Map(fields.map((f, i) => [f, i]));
  // The whole text as one block: a single line means "all title", weighted the same throughout.
  const counts = records.map((r) => termCounts(r.text.replace(/\n/g, ' '), BASELINE_FEATURES));
  const vectorizer = fitVectorizer(counts, BASELINE_FEATURES);
  const centroids = fields.map(() => new Array<number>(vectorizer.features.length).fill(0));
  counts.forEach((c, i) => {
    const centroid = centroids[fieldIndex.get(records[i]!.field)!]!;
    const x = vectorizeCounts(vectorizer, c);
    x.idx.forEach((j, n) => (centroid[j] = centroid[j]! + x.val[n]!));
  });
  for (const centroid of centroids) {
    const norm = Math.sqrt(centroid.reduce((s, v) => s + v * v, 0)) || 1;
    centroid.forEach((v, j) => (centroid[j] = v / norm));
  }
  return { kind: 'centroid-v1', fields, vectorizer, centroids };
}

export function suggestFieldsByCentroid(model: CentroidModel, text: string, k = 3): FieldSuggestion[] {
  const x = vectorize(model.vectorizer, text.replace(/\n/g, ' '));
  const scores = model.centroids.map((centroid) => dotDense(x, centroid));
  return topK(model.fields, softmax(scores, TEMPERATURE), k);
}

export const nearestCentroidBaseline: FieldSuggester<CentroidModel> = { train: trainCentroidModel, suggest: suggestFieldsByCentroid };
