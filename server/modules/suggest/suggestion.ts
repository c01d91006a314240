/** The shapes every field model shares, ours and the baseline. */

export interface FieldRecord {
  text: string;
  field: string;
}

export interface FieldSuggestion {
  field: string;
  confidence: number;
}

/** What the benchmark needs from any field model, ours or a baseline. */
export interface FieldSuggester<M> {
  train(records: FieldRecord[]): M;
  suggest(model: M, text: string, k?: number): FieldSuggestion[];
}

/** The k most probable fields, descending (ties by name, so output is stable). */
export function topK(fields: readonly string[], probabilities: ArrayLike<number>, k: number): FieldSuggestion[] {
  return fields
    .map((field, c) => ({ field, confidence: probabilities[c] ?? 0 }))
    .sort((a, b) => b.confidence - a.confidence || a.field.localeCompare(b.field))
    .slice(0, Math.max(0, k));
}

/** Softmax of scores / temperature. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = Float64Array.from(scores, (s) => s / temperature);
  const max = Math.max(...out);
  let sum = 0;
  for (let c = 0; c < out.length; c++) sum += out[c] = Math.exp((out[c] as number) - max);
  for (let c = 0; c < out.length; c++) out[c] = (out[c] as number) / sum;
  return out;
}
