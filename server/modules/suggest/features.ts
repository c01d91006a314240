import { hanBigrams, hanCharacters, tokenize } from '../../lib/text/tokenize.js';

/**
 * TF-IDF features shared by the field models: jieba words, Han characters (药, 钢, 菌 carry a field
 * even inside words the dictionary has never seen) and Han character bigrams (which catch terms the
 * dictionary cuts differently, e.g. 镇定控制 vs 镇定/控制). The title is the text's first line and
 * counts `titleWeight` times, because it names the topic more densely than the summary.
 */

export interface FeatureOptions {
  /** How many times a title term counts against one summary term. */
  titleWeight: number;
  /** Weight of a Han character against a word, inside the word block (0 turns characters off). */
  characterWeight: number;
  /** Weight of the bigram block relative to the word block (0 turns bigrams off). */
  bigramWeight: number;
  /** Features seen in fewer training documents are dropped. */
  minDf: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { titleWeight: 2, characterWeight: 0.5, bigramWeight: 1, minDf: 1 };

/** A sparse vector: parallel arrays of feature indices (ascending) and values. */
export interface SparseVector {
  idx: number[];
  val: number[];
}

/** JSON-serialisable vocabulary: feature strings with their IDF, in index order. */
export interface Vectorizer {
  options: FeatureOptions;
  features: string[];
  idf: number[];
}

/** Splits "title\nsummary" (the convention of every text this module is given). */
export function splitTitle(text: string): { title: string; summary: string } {
  const nl = text.indexOf('\n');
  return nl < 0 ? { title: text, summary: '' } : { title: text.slice(0, nl), summary: text.slice(nl + 1) };
}

/** Raw weighted term counts of one text; words and bigrams live in separate namespaces. */
export function termCounts(text: string, options: FeatureOptions): Map<string, number> {
  const { title, summary } = splitTitle(text);
  const counts = new Map<string, number>();
  const add = (terms: string[], prefix: string, weight: number) => {
    for (const t of terms) counts.set(prefix + t, (counts.get(prefix + t) ?? 0) + weight);
  };
  add(tokenize(title), 'w:', options.titleWeight);
  add(tokenize(summary), 'w:', 1);
  if (options.characterWeight > 0) {
    add(hanCharacters(title), 'c:', options.titleWeight * options.characterWeight);
    add(hanCharacters(summary), 'c:', options.characterWeight);
  }
  if (options.bigramWeight > 0) {
    add(hanBigrams(title), 'b:', options.titleWeight);
    add(hanBigrams(summary), 'b:', 1);
  }
  return counts;
}

/** Builds the vocabulary and smoothed IDF (ln((1+N)/(1+df)) + 1) from already-counted documents. */
export function fitVectorizer(docs: Array<Map<string, number>>, options: FeatureOptions): Vectorizer {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Sorted so the same corpus always yields the same indices, whatever the record order.
  const features = [...df.keys()].filter((t) => (df.get(t) ?? 0) >= options.minDf).sort();
  const n = docs.length;
  const idf = features.map((t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
  return { options, features, idf };
}

// Feature → index maps are rebuilt once per vectorizer object (e.g. after loading from JSON).
const indexCache = new WeakMap<Vectorizer, Map<string, number>>();
function featureIndex(vectorizer: Vectorizer): Map<string, number> {
  let index = indexCache.get(vectorizer);
  if (!index) {
    index = new Map(vectorizer.features.map((f, i) => [f, i]));
    indexCache.set(vectorizer, index);
  }
  return index;
}

/**
 * Sublinear TF (1 + ln tf) × IDF, each block (words, bigrams) L2-normalised on its own and the
 * bigram block scaled by `bigramWeight`, so neither block drowns the other.
 */
export function vectorizeCounts(vectorizer: Vectorizer, counts: Map<string, number>): SparseVector {
  const index = featureIndex(vectorizer);
  const entries: Array<[number, number, boolean]> = [];
  let wordNorm = 0;
  let bigramNorm = 0;
  for (const [term, tf] of counts) {
    const i = index.get(term);
    if (i === undefined) continue;
    // Sublinear, and never negative for the fractional counts that weighted characters give.
    const v = (tf >= 1 ? 1 + Math.log(tf) : tf) * (vectorizer.idf[i] ?? 0);
    const isBigram = term.startsWith('b:');
    if (isBigram) bigramNorm += v * v;
    else wordNorm += v * v;
    entries.push([i, v, isBigram]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const bigramScale = bigramNorm > 0 ? vectorizer.options.bigramWeight / Math.sqrt(bigramNorm) : 0;
  return {
    idx: entries.map((e) => e[0]),
    val: entries.map(([, v, isBigram]) => v * (isBigram ? bigramScale : wordScale)),
  };
}

/** Element-wise product with per-feature weights, then L2-normalised (a unit vector again). */
export function reweight(x: SparseVector, weights: ArrayLike<number>): SparseVector {
  const val = x.val.map((v, n) => v * (weights[x.idx[n] as number] ?? 1));
  const norm = Math.sqrt(val.reduce((s, v) => s + v * v, 0)) || 1;
  return { idx: x.idx, val: val.map((v) => v / norm) };
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(x: SparseVector, dense: ArrayLike<number>): number {
  let s = 0;
  for (let n = 0; n < x.idx.length; n++) s += (x.val[n] as number) * ((dense[x.idx[n] as number] as number | undefined) ?? 0);
  return s;
}

/**
 * Per-class unit-length sums of unit vectors (Rocchio centroids), stored sparse: a class's centroid
 * is non-zero only on features its records contain, which keeps a stored model a few MB at most.
 */
export function buildCentroids(xs: SparseVector[], labels: number[], classes: number, dimensions: number): SparseVector[] {
  const sums = Array.from({ length: classes }, () => new Float64Array(dimensions));
  xs.forEach((x, i) => {
    const sum = sums[labels[i] as number] as Float64Array;
    for (let n = 0; n < x.idx.length; n++) sum[x.idx[n] as number] = (sum[x.idx[n] as number] as number) + (x.val[n] as number);
  });
  return sums.map((sum) => {
    const idx: number[] = [];
    const val: number[] = [];
    let norm = 0;
    sum.forEach((v, j) => {
      if (v === 0) return;
      idx.push(j);
      val.push(v);
      norm += v * v;
    });
    norm = Math.sqrt(norm) || 1;
    // Six significant digits change no ranking and keep the JSON small.
    return { idx, val: val.map((v) => Number((v / norm).toPrecision(6))) };
  });
}

export const vectorize = (vectorizer: Vectorizer, text: string): SparseVector =>
  vectorizeCounts(vectorizer, termCounts(text, vectorizer.options));
