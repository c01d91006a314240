import { GRAM_PREFIX } from '../../lib/text/vector.js';

/**
 * Text similarity between records from their stored tsvectors: each lexeme's weighted frequency
 * (title/keywords A count 3, summary B 1, body C 0.5) times its inverse document frequency, compared
 * by cosine. Reading the stored vector means the same jieba tokens the search index holds.
 */
const WEIGHT: Record<string, number> = { A: 3, B: 1, C: 0.5, D: 0.5 };

/**
 * Parses PostgreSQL's text form of a tsvector: `'lexeme':1A,5 'other':2B 'bare'`. Words only: the
 * character grams search indexes beside them (lib/text/vector.ts GRAM_PREFIX) are left out.
 */
export function parseTsvector(text: string, weights: Record<string, number> = WEIGHT): Map<string, number> {
  const tf = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    if (i >= text.length) break;
    let lexeme = '';
    if (text[i] === "'") {
      i++;
      for (;;) {
        const c = text[i];
        if (c === undefined) break;
        if (c === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (c === '\\') {
          lexeme += text[i + 1] ?? '';
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          lexeme += c;
          i++;
        }
      }
    } else {
      while (i < text.length && text[i] !== ' ' && text[i] !== ':') lexeme += text[i++];
    }
    let weight = 0;
    if (text[i] === ':') {
      i++;
      const start = i;
      while (i < text.length && text[i] !== ' ') i++;
      for (const p of text.slice(start, i).split(',')) weight += weights[p.replace(/[0-9]/g, '') || 'D']!;
    } else {
      weight = weights.D!;
    }
    if (weight > 0 && !lexeme.startsWith(GRAM_PREFIX)) tf.set(lexeme, (tf.get(lexeme) ?? 0) + weight);
  }
  return tf;
}

export type Vector = Map<string, number>;

export function tfidfVector(tf: Map<string, number>, idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}
