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

export function tsvectorLiteral(doc: IndexedText): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  const put = (token: string, weight: 'A' | 'B' | 'C') => {
    pos = Math.min(pos + 1, MAX_POSITION);
    const list = positions.get(token) ?? [];
    // A lexeme keeps at most 256 positions.
    if (list.length < 256) list.push(`${pos}${weight === 'C' ? '' : weight}`);
    positions.set(token, list);
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
  return [...positions.entries()].map(([lexeme, ps]) => `${quote(lexeme)}:${ps.join(',')}`).join(' ');
}

export function searchVectorSql(doc: IndexedText): SQL {
  return sql`${tsvectorLiteral(doc)}::tsvector`;
}
