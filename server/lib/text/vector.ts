import { sql, type SQL } from 'drizzle-orm';
import { normalizeText, tokenizeForSearch } from './tokenize.js';

/**
 * Builds the tsvector of a record from jieba tokens. The vector is written as a tsvector literal
 * (lexeme:position+weight), never through to_tsvector, so PostgreSQL's text parser and the
 * database locale play no part: PGlite and PostgreSQL index exactly the same lexemes.
 */
export interface IndexedText {
  /** Weight A: title and keywords. */
  title: string;
  keywords: string[];
  /** Weight B: summary. */
  summary: string;
  /** Weight C: the rest (problem solved, advantage, IP titles, organisation name...). */
  body: string;
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const MAX_POSITION = 16383; // tsvector positions are capped here

/**
 * Version of what a vector holds. Raise it when `tsvectorLiteral` changes what it emits: the
 * catalogue then rebuilds every stored vector in the background at the next boot
 * (catalog/reindex.ts), since the vector is built here in JS and no migration can rebuild it.
 * 1: jieba words; 2: + character bigrams and run-final characters (GRAM_PREFIX).
 */
export const SEARCH_VECTOR_VERSION = 2;

/**
 * Character n-gram lexemes start with this prefix, so they never meet a jieba word of the same
 * spelling ('电池' the word vs '~电池' the bigram) and rank apart from words. The tokenizer never
 * emits a token starting with '~' (punctuation is its own token and dropped).
 */
export const GRAM_PREFIX = '~';

/**
 * The character grams of a text, Lucene CJK-analyser style: every overlapping bigram of each run
 * of Han characters, positioned at its first character, and the last character of each run alone
 * (a one-character query `'~锂':*` then finds every character by prefix: the bigrams starting with
 * it, or the run's last character). A run of one character is that character.
 */
export function hanGrams(text: string): Array<{ gram: string; at: number }> {
  const out: Array<{ gram: string; at: number }> = [];
  const norm = normalizeText(text);
  for (const m of norm.matchAll(/\p{Script=Han}+/gu)) {
    const run = m[0];
    const start = m.index;
    for (let i = 0; i + 1 < run.length; i++) out.push({ gram: run.slice(i, i + 2), at: start + i });
    out.push({ gram: run.slice(-1), at: start + run.length - 1 });
  }
  return out;
}

export function tsvectorLiteral(doc: IndexedText): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  const place = (token: string, at: number, weight: 'A' | 'B' | 'C' | 'D') => {
    const list = positions.get(token) ?? [];
    // A lexeme keeps at most 256 positions.
    if (list.length < 256) list.push(`${at}${weight === 'D' ? '' : weight}`);
    positions.set(token, list);
  };
  const put = (token: string, weight: 'A' | 'B' | 'C') => {
    pos = Math.min(pos + 1, MAX_POSITION);
    place(token, pos, weight === 'C' ? 'D' : weight);
  };
  // Grams have their own positions, one per character, so that consecutive bigrams sit at
  // consecutive positions and a phrase of bigrams ('~锂离' <-> '~离子') is a substring. Fields and
  // keywords are kept apart by a gap. Words and grams never meet in one phrase query.
  // Weights: grams of the title and keywords C, of the summary D, below the words (A, B), so a
  // word match ranks above a match of its characters.
  let gramBase = 0;
  const grams = (text: string, weight: 'C' | 'D') => {
    let last = gramBase;
    for (const { gram, at } of hanGrams(text)) {
      last = Math.min(gramBase + at + 1, MAX_POSITION);
      place(GRAM_PREFIX + gram, last, weight);
    }
    gramBase = Math.min(last + 2, MAX_POSITION);
  };
  const add = (text: string, weight: 'A' | 'B' | 'C') => {
    for (const token of tokenizeForSearch(text)) put(token, weight);
  };
  add(doc.title, 'A');
  for (const k of doc.keywords) {
    // A keyword is also indexed whole: it enters the user dictionary when the record is published
    // (search/dictionary.ts), and a query then keeps it as one token, which must find this record
    // although its vector was built before the word was in the dictionary.
    const whole = normalizeText(k).trim();
    const parts = tokenizeForSearch(k);
    if (whole.length >= 2 && !/\s/.test(whole) && !parts.includes(whole)) put(whole, 'A');
    for (const t of parts) put(t, 'A');
  }
  add(doc.summary, 'B');
  add(doc.body, 'C');
  grams(doc.title, 'C');
  for (const k of doc.keywords) grams(k, 'C');
  grams(doc.summary, 'D');
  return [...positions.entries()].map(([lexeme, ps]) => `${quote(lexeme)}:${ps.join(',')}`).join(' ');
}

export function searchVectorSql(doc: IndexedText): SQL {
  return sql`${tsvectorLiteral(doc)}::tsvector`;
}
