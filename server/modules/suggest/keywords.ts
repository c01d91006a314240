import { TfIdf } from '@node-rs/jieba';
import { idf as jiebaIdf } from '@node-rs/jieba/dict.js';
import { splitTitle } from './features.js';
import { getJieba, normalizeText, tokenize, tokenizeRuns } from '../../lib/text/tokenize.js';

/**
 * Keyword suggestion: TF-IDF over jieba words and compounds of two or three neighbouring words that
 * recur in the text (papers' keywords are mostly such compounds: 大角度机动, 平方和优化). Title
 * occurrences count double; longer terms get a bonus, since a technical term is rarely one
 * character and a field's vocabulary is made of multi-character words.
 */

/** Document frequencies of a corpus, JSON-serialisable (stored beside the field model). */
export interface KeywordIdf {
  documents: number;
  /** ln((1 + N) / (1 + df)) + 1 for every word seen; unseen words get the value for df = 0. */
  idf: Record<string, number>;
}

export function buildKeywordIdf(texts: string[]): KeywordIdf {
  const df = new Map<string, number>();
  for (const text of texts) for (const word of new Set(tokenize(text))) df.set(word, (df.get(word) ?? 0) + 1);
  const n = texts.length;
  const idf: Record<string, number> = {};
  for (const [word, d] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) idf[word] = Number((Math.log((1 + n) / (1 + d)) + 1).toFixed(4));
  return { documents: n, idf };
}

const TITLE_WEIGHT = 2;
const MAX_PARTS = 3;
const MIN_COMPOUND_OCCURRENCES = 2;
// Bonus grows with length up to 4 characters, then flat: longer runs are mostly two terms glued.
const BONUS_CAP = 4;

const isNumber = (term: string) => /^[\p{N}.%-]+$/u.test(term);
const lengthBonus = (term: string) => Math.min([...term].length, BONUS_CAP) / 2;

export function suggestKeywords(text: string, k = 5, idf?: KeywordIdf): string[] {
  const wordIdf = (word: string) => idf?.idf[word] ?? (idf ? Math.log(1 + idf.documents) + 1 : 1);
  const { title, summary } = splitTitle(text);
  const tf = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const parts = new Map<string, string[]>();
  const count = (textPart: string, weight: number) => {
    for (const run of tokenizeRuns(textPart)) {
      for (let i = 0; i < run.length; i++) {
        for (let len = 1; len <= MAX_PARTS && i + len <= run.length; len++) {
          const words = run.slice(i, i + len);
          const term = words
            .join(words.some((w) => /^[a-z0-9]/.test(w)) ? ' ' : '')
            .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
          tf.set(term, (tf.get(term) ?? 0) + weight);
          occurrences.set(term, (occurrences.get(term) ?? 0) + 1);
          parts.set(term, words);
        }
      }
    }
  };
  count(title, TITLE_WEIGHT);
  count(summary, 1);
  const scored: Array<[string, number]> = [];
  for (const [term, freq] of tf) {
    const words = parts.get(term) as string[];
    if (isNumber(term) || [...term].length < 2) continue;
    // A compound must recur to be a term rather than a chance neighbourhood.
    if (words.length > 1 && (occurrences.get(term) ?? 0) < MIN_COMPOUND_OCCURRENCES) continue;
    const specificity = Math.max(...words.map(wordIdf));
    scored.push([term, (1 + Math.log(freq)) * specificity * lengthBonus(term)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // Skip a term contained in one already chosen (优化 after 平方和优化), to spread the k picks.
  const chosen: string[] = [];
  for (const [term] of scored) {
    if (chosen.length >= k) break;
    if (chosen.some((c) => c.includes(term) || term.includes(c))) continue;
    chosen.push(term);
  }
  return chosen;
}

let jiebaTfIdf: TfIdf | undefined;

/** The benchmark's baseline: jieba's own TF-IDF extraction with its bundled general-corpus IDF. */
export function suggestKeywordsJiebaBaseline(text: string, k = 5): string[] {
  jiebaTfIdf ??= TfIdf.withDict(jiebaIdf);
  return jiebaTfIdf.extractKeywords(getJieba(), normalizeText(text), k).map((w) => w.keyword);
}
