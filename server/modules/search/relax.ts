import { GRAM_PREFIX } from '../../lib/text/vector.js';
import { normalizeText, tokenize } from '../../lib/text/tokenize.js';

/**
 * The relaxation ladder of a text query that matched nothing (Lucene CJK style: words, then
 * character bigrams, then characters): what the next level asks the index, as tsquery literals
 * over the character grams of lib/text/vector.ts ('~' + bigram, and '~' + character as a prefix).
 *
 * - `words`: the query as parsed (query.ts) — words, with a word's bigrams beside it.
 * - `bigrams`: every bigram of every run of Han characters the person typed (across the cuts jieba
 *   made: 锂电池 → 锂电 & 电池), Latin/digit tokens as words.
 * - `characters`: every Han character (`'~锂':*`), and in SQL the characters in the order typed
 *   (title, keywords, summary `LIKE '%锂%电%池%'`): an abbreviation (锂电池 → 锂离子电池,
 *   食添加剂 → 食品添加剂).
 */
export type MatchLevel = 'words' | 'bigrams' | 'characters';
export const LEVELS: readonly MatchLevel[] = ['words', 'bigrams', 'characters'];

export interface RelaxedQuery {
  level: Exclude<MatchLevel, 'words'>;
  tsquery: string;
  /** Han characters in order for the `LIKE` of the characters level (null at the bigrams level). */
  inOrder: string[] | null;
  /** What to mark in snippets. */
  highlightTerms: string[];
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
const MAX_GRAMS = 12;

/** Han runs of what was typed, in order (spaces and punctuation separate runs). */
export const hanRuns = (q: string): string[] => normalizeText(q).match(HAN_RUN) ?? [];

/** Overlapping bigrams of a Han run; a run of one character is itself. */
export function runBigrams(run: string): string[] {
  if (run.length < 2) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** Tokens of the query that are not Han (Latin words, numbers): words at every level. */
const otherTokens = (q: string): string[] => tokenize(q.replace(HAN_RUN, ' ')).filter((t) => !HAN.test(t));

/** The tsquery of one gram: a bigram exactly, a single character as a prefix of its grams. */
export const gramExpr = (gram: string): string => (gram.length === 1 ? `${quote(GRAM_PREFIX + gram)}:*` : quote(GRAM_PREFIX + gram));

export function relaxQuery(q: string, level: Exclude<MatchLevel, 'words'>): RelaxedQuery | null {
  const runs = hanRuns(q);
  if (runs.length === 0) return null;
  const words = otherTokens(q).map(quote);
  if (level === 'bigrams') {
    const grams = [...new Set(runs.flatMap(runBigrams))].slice(0, MAX_GRAMS);
    return {
      level,
      tsquery: [...grams.map(gramExpr), ...words].join(' & '),
      inOrder: null,
      highlightTerms: grams.filter((g) => g.length > 1),
    };
  }
  const chars = runs.join('').split('').slice(0, MAX_GRAMS);
  const distinct = [...new Set(chars)];
  return { level, tsquery: [...distinct.map(gramExpr), ...words].join(' & '), inOrder: chars, highlightTerms: distinct };
}

/** LIKE pattern of characters in order (`%锂%电%池%`); Han characters need no escaping. */
export const inOrderPattern = (chars: readonly string[]): string => `%${chars.join('%')}%`;

/**
 * Whether `abbr`'s characters appear in `term` in order (锂电池 in 锂离子电池, 食添加剂 in
 * 食品添加剂), `term` being longer. Compared after normalisation (full-width, case).
 */
export function isAbbreviationOf(abbr: string, term: string): boolean {
  const a = [...normalizeText(abbr).replace(/\s+/g, '')];
  const t = [...normalizeText(term).replace(/\s+/g, '')];
  if (a.length === 0 || t.length <= a.length) return false;
  let i = 0;
  for (const ch of t) if (ch === a[i]) i++;
  return i === a.length;
}

/**
 * The fuller term a relaxed query most likely meant ("您是不是要找：锂离子电池"): among the terms
 * of the records found (their keywords and title words), the one that contains the query's
 * characters in order, held by most records, then the shortest, then the first seen. Null when no
 * term does. A query of several Han runs (锂 电池) is compared without its spaces.
 */
export function suggestFullerTerm(q: string, termsPerRecord: ReadonlyArray<readonly string[]>): string | null {
  const wanted = hanRuns(q).join('');
  if (wanted.length < 2) return null;
  const count = new Map<string, number>();
  for (const terms of termsPerRecord) {
    for (const term of new Set(terms.map((t) => normalizeText(t).trim()))) {
      if (isAbbreviationOf(wanted, term)) count.set(term, (count.get(term) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [term, n] of count) {
    if (best === null) best = term;
    else {
      const m = count.get(best)!;
      if (n > m || (n === m && term.length < best.length)) best = term;
    }
  }
  return best;
}
