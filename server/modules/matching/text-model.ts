import { hanBigrams } from '../../lib/text/tokenize.js';

/**
 * The text representation matching reads, learned from the catalogue itself (no external model):
 *
 * - lexical: BM25-weighted terms (the record's stored jieba lexemes, title/keywords counting 3,
 *   summary 1, body 0.5) plus character bigrams of title and keywords, cosine-compared;
 * - latent: an LSA space (a truncated SVD of the lexical matrix by randomized subspace iteration)
 *   into which every record is folded, so records about one topic in different words come close.
 *
 * Relevance is the blend of both cosines, and it is zero unless the two records share at least one
 * telling term (one that is no boilerplate and not in a large share of the catalogue): the latent
 * space alone never makes two records "related". Pure functions; storage is `model-store.ts`.
 */

export interface TextModel {
  /** Records the model was learned from. */
  documents: number;
  /** Mean BM25 length (sum of weighted term frequencies). */
  avgLength: number;
  /** Document frequency of each term seen (words and `§`-prefixed bigrams). */
  df: Record<string, number>;
  /** The LSA vocabulary (terms in at least two records), in row order of `vectors`. */
  terms: string[];
  /** Dimensions of the latent space (0: lexical only — too few records to learn one). */
  dims: number;
  /** terms.length × dims, row-major. */
  vectors: Float32Array;
}

export type Terms = Map<string, number>;
type Vector = Map<string, number>;

const K1 = 1.2;
const B = 0.75;
/** Share of the latent cosine in the blend (measured on the 1,000 CSL papers: 0.5 best, 0.3–0.7 within 0.002). */
export const LATENT_SHARE = 0.5;
/** Below this many records the latent space is noise: lexical only. */
export const MIN_DOCUMENTS_FOR_LATENT = 200;
const MAX_DIMS = 100;
const MAX_VOCABULARY = 40_000;
/** A term in more than this share of records tells nothing about the topic. */
const GENERIC_SHARE = 0.05;
/** Words every demand or filing uses; sharing them is no textual relation. */
const BOILERPLATE = new Set([
  '寻求',
  '需求',
  '需要',
  '求购',
  '征集',
  '技术',
  '解决',
  '解决方案',
  '方案',
  '问题',
  '相关',
  '合作',
  '项目',
  '企业',
  '公司',
  '研究',
  '方法',
  '应用',
  '开发',
  '研发',
  '系统',
  '装置',
  '设备',
  '产品',
  '工艺',
  '提高',
  '提升',
  '实现',
  '用于',
  '一种',
]);

/** A record's weighted term frequencies: parsed tsvector lexemes plus title/keyword bigrams. */
export function recordTerms(lexemes: Map<string, number>, titleAndKeywords: string): Terms {
  const t: Terms = new Map(lexemes);
  for (const bg of hanBigrams(titleAndKeywords)) t.set(`§${bg}`, (t.get(`§${bg}`) ?? 0) + 1);
  return t;
}

const lengthOf = (t: Terms) => {
  let s = 0;
  for (const f of t.values()) s += f;
  return s;
};

function normalize(v: Vector): Vector {
  let n = 0;
  for (const w of v.values()) n += w * w;
  n = Math.sqrt(n) || 1;
  for (const [k, w] of v) v.set(k, w / n);
  return v;
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) s += w * (large.get(k) ?? 0);
  return s;
}

const idfOf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** BM25 term weights, unit length. Terms the model never saw count as seen once. */
export function lexicalVector(model: Pick<TextModel, 'documents' | 'avgLength' | 'df'>, terms: Terms): Vector {
  const n = Math.max(1, model.documents);
  const len = lengthOf(terms);
  const avg = model.avgLength || len || 1;
  const v: Vector = new Map();
  for (const [t, f] of terms) {
    if (f <= 0) continue;
    v.set(t, (idfOf(model.df[t] ?? 1, n) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / avg)));
  }
  return normalize(v);
}

/** Folds a lexical vector into the latent space (unit length; empty when the model has none). */
export function latentVector(model: TextModel, lexical: Vector, index: Map<string, number>): Float64Array {
  const e = new Float64Array(model.dims);
  if (model.dims === 0) return e;
  for (const [t, w] of lexical) {
    const row = index.get(t);
    if (row === undefined) continue;
    const off = row * model.dims;
    for (let d = 0; d < model.dims; d++) e[d]! += w * model.vectors[off + d]!;
  }
  let n = 0;
  for (const x of e) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let d = 0; d < e.length; d++) e[d]! /= n;
  return e;
}

export interface Profile {
  lexical: Vector;
  latent: Float64Array;
  telling: Set<string>;
}

/** Everything relevance needs about one record, computed once per record. */
export function profileOf(model: TextModel, index: Map<string, number>, terms: Terms): Profile {
  const lexical = lexicalVector(model, terms);
  const generic = model.documents >= 100 ? GENERIC_SHARE * model.documents : Number.POSITIVE_INFINITY;
  const telling = new Set<string>();
  for (const t of terms.keys()) if (!t.startsWith('§') && !BOILERPLATE.has(t) && (model.df[t] ?? 0) <= generic) telling.add(t);
  return { lexical, latent: latentVector(model, lexical, index), telling };
}

export const vocabularyIndex = (model: TextModel) => new Map(model.terms.map((t, i) => [t, i]));

/** Whether two records share a telling term: without one there is no textual relation at all. */
export function related(a: Profile, b: Profile): boolean {
  const [small, large] = a.telling.size < b.telling.size ? [a.telling, b.telling] : [b.telling, a.telling];
  for (const t of small) if (large.has(t)) return true;
  return false;
}

/** Text relevance in [0, 1]: the blend of lexical and latent cosine, 0 without a shared telling term. */
export function relevance(a: Profile, b: Profile): number {
  if (!related(a, b)) return 0;
  const lexical = dot(a.lexical, b.lexical);
  if (a.latent.length === 0 || b.latent.every((x) => x === 0) || a.latent.every((x) => x === 0)) return Math.max(0, Math.min(1, lexical));
  let latent = 0;
  for (let d = 0; d < a.latent.length; d++) latent += a.latent[d]! * b.latent[d]!;
  // A shared telling term keeps a related pair above zero even where the latent part disagrees.
  return Math.max(1e-6, Math.min(1, (1 - LATENT_SHARE) * lexical + LATENT_SHARE * Math.max(0, latent)));
}

/** Deterministic pseudo-random numbers (a training run is reproducible). */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
}

/** Gram–Schmidt on the columns in place; yields after each column (see `trainTextModelSteps`). */
function* orthonormalize(cols: Float64Array[]): Generator<void, Float64Array[]> {
  for (let a = 0; a < cols.length; a++) {
    const ca = cols[a]!;
    for (let b = 0; b < a; b++) {
      const cb = cols[b]!;
      let d = 0;
      for (let i = 0; i < ca.length; i++) d += ca[i]! * cb[i]!;
      for (let i = 0; i < ca.length; i++) ca[i]! -= d * cb[i]!;
    }
    let n = 0;
    for (const x of ca) n += x * x;
    n = Math.sqrt(n);
    if (n > 1e-12) for (let i = 0; i < ca.length; i++) ca[i]! /= n;
    else ca.fill(0);
    yield;
  }
  return cols;
}

/**
 * Learns the model from the catalogue's records: document frequencies for BM25, then (with enough
 * records) a `dims`-dimensional LSA basis of the term space by randomized subspace iteration
 * (Halko, Martinsson & Tropp 2011) over the BM25-weighted term–record matrix.
 */
export function trainTextModel(records: Terms[], opts: TrainOptions = {}): TextModel {
  const steps = trainTextModelSteps(records, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, sharing the event loop: the work pauses (`setImmediate`) whenever it has run for
 * `sliceMs` without one, so a server training in the background still answers requests meanwhile
 * (bench:http measured the one-piece training blocking every request for 6 s of CPU at boot).
 */
export async function trainTextModelSharing(records: Terms[], opts: TrainOptions & { sliceMs?: number } = {}): Promise<TextModel> {
  const sliceMs = opts.sliceMs ?? 10;
  const steps = trainTextModelSteps(records, opts);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
    }
  }
}

export interface TrainOptions {
  dims?: number;
  iterations?: number;
}

/** The training as steps: it yields between columns of the matrix products and the orthonormalisation. */
function* trainTextModelSteps(records: Terms[], opts: TrainOptions): Generator<void, TextModel> {
  const n = records.length;
  const df: Record<string, number> = {};
  for (const r of records) for (const t of r.keys()) df[t] = (df[t] ?? 0) + 1;
  const avgLength = n ? records.reduce((s, r) => s + lengthOf(r), 0) / n : 0;
  const base = { documents: n, avgLength, df };
  const wanted = Math.min(opts.dims ?? MAX_DIMS, n - 1);
  if (n < MIN_DOCUMENTS_FOR_LATENT || wanted < 2) return { ...base, terms: [], dims: 0, vectors: new Float32Array(0) };

  const terms = Object.entries(df)
    .filter(([, d]) => d >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_VOCABULARY)
    .map(([t]) => t);
  const index = new Map(terms.map((t, i) => [t, i]));
  const m = terms.length;
  const rows = records.map((r) => [...lexicalVector(base, r)].filter(([t]) => index.has(t)).map(([t, w]) => [index.get(t)!, w] as const));
  const l = Math.min(wanted + 10, n, m);
  function* times(cols: Float64Array[]): Generator<void, Float64Array[]> {
    const out: Float64Array[] = [];
    for (const c of cols) {
      const y = new Float64Array(n);
      rows.forEach((r, i) => {
        let s = 0;
        for (const [j, w] of r) s += w * c[j]!;
        y[i] = s;
      });
      out.push(y);
      yield;
    }
    return out;
  }
  function* transposeTimes(cols: Float64Array[]): Generator<void, Float64Array[]> {
    const out: Float64Array[] = [];
    for (const c of cols) {
      const y = new Float64Array(m);
      rows.forEach((r, i) => {
        const ci = c[i]!;
        if (ci !== 0) for (const [j, w] of r) y[j]! += w * ci;
      });
      out.push(y);
      yield;
    }
    return out;
  }
  const rnd = lcg(20261207);
  let q: Float64Array[] = Array.from({ length: l }, () => Float64Array.from({ length: m }, rnd));
  let y: Float64Array[] = yield* orthonormalize(yield* times(q));
  for (let it = 0; it < (opts.iterations ?? 3); it++) {
    q = yield* orthonormalize(yield* transposeTimes(y));
    y = yield* orthonormalize(yield* times(q));
  }
  const basis = yield* orthonormalize(yield* transposeTimes(y));
  const vectors = new Float32Array(m * l);
  for (let d = 0; d < l; d++) {
    const col = basis[d]!;
    for (let j = 0; j < m; j++) vectors[j * l + d] = col[j]!;
  }
  return { ...base, terms, dims: l, vectors };
}
