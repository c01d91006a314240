import { normalizeText, tokenize, tokenizeForSearch } from '../../lib/text/tokenize.js';
import { gramExpr, runBigrams } from './relax.js';

/**
 * Turns what a person typed into a tsquery LITERAL (quoted lexemes joined by & and |), cast with
 * `::tsquery` by the caller. No parser (to_tsquery, plainto_tsquery) is involved, so the lexemes are
 * exactly the jieba tokens the index holds, on PGlite and PostgreSQL alike.
 *
 * Semantics:
 * - The query is cut in precise mode; every token must match (AND): a known item is found by the
 *   words of its title, and adding a word narrows the result.
 * - Consecutive tokens that together spell a synonym term form one unit, which matches any term of
 *   its group (OR). Each term is itself the AND of its own tokens.
 * - A token of three or more characters also matches, as a fallback, the AND of its search-mode
 *   sub-words plus any characters they leave uncovered (数据挖掘 → '数据挖掘' | '数据' & '挖掘').
 *   Search-mode indexing emits those sub-words for every word containing them, so this finds
 *   (a) text the tokenizer cut differently in its context (大数据挖掘 → 大数据/挖掘) and (b) records
 *   indexed before the token entered the user dictionary — no vector has to be rebuilt when a word
 *   is added. Whole-word matches still rank higher: they match both branches.
 * - A Han token of two or more characters also matches its character bigrams (lib/text/vector.ts
 *   indexes them beside the words, weighted below them): 电池 finds 锂离子电池 however jieba cut it,
 *   聚合物 finds 印迹聚合物. A token of one character typed alone (锂, or 锂 between spaces) matches
 *   that character anywhere (`'~锂':*`). Word matches rank above gram matches: they match both
 *   branches, at a higher weight.
 */
export interface ParsedQuery {
  /** The tsquery literal, or null when the query has no searchable token (then no text filter). */
  tsquery: string | null;
  /** Tokens and their synonyms, for "searched for …". */
  terms: string[];
  /** What to mark in snippets: the terms and the fallback sub-words (longest first). */
  highlightTerms: string[];
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const HAN = /^\p{Script=Han}+$/u;
const MAX_UNITS = 8;

/** Sub-words (and uncovered single characters) that spell `token`, or [] when there is no useful split. */
export function fallbackParts(token: string): string[] {
  if (token.length < 3 || !HAN.test(token)) return [];
  const subs = [...new Set(tokenizeForSearch(token))].filter((s) => s !== token && token.includes(s));
  if (subs.length === 0) return [];
  const covered = new Array<boolean>(token.length).fill(false);
  for (const s of subs) {
    for (let at = token.indexOf(s); at >= 0; at = token.indexOf(s, at + 1)) for (let i = at; i < at + s.length; i++) covered[i] = true;
  }
  const chars = [...token].filter((_, i) => !covered[i]);
  return [...new Set([...subs, ...chars])];
}

/** The token's character grams, when it is all Han: its bigrams (AND), or the character alone when `alone`. */
function gramAlternative(token: string, alone: boolean): string | null {
  if (!HAN.test(token)) return null;
  if (token.length === 1) return alone ? gramExpr(token) : null;
  const grams = [...new Set(runBigrams(token))];
  return grams.length === 1 ? gramExpr(grams[0]!) : `(${grams.map(gramExpr).join(' & ')})`;
}

function tokenExpr(token: string, highlight: Set<string>, alone: ReadonlySet<string>): string {
  highlight.add(token);
  const parts = fallbackParts(token);
  for (const p of parts) if (p.length >= 2) highlight.add(p);
  const branches = [quote(token)];
  if (parts.length > 0) branches.push(parts.map(quote).join(' & '));
  const grams = gramAlternative(token, alone.has(token));
  if (grams) branches.push(grams);
  return branches.length === 1 ? branches[0]! : `(${branches.join(' | ')})`;
}

function termExpr(term: string, highlight: Set<string>, alone: ReadonlySet<string>): string | null {
  const tokens = tokenize(term);
  if (tokens.length === 0) return null;
  const parts = tokens.map((t) => tokenExpr(t, highlight, alone));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
}

/**
 * @param synonyms normalised term → every term of its group (itself included)
 */
export function parseQuery(q: string | undefined, synonyms: ReadonlyMap<string, readonly string[]>): ParsedQuery {
  const tokens = q ? tokenize(q) : [];
  // One Han character typed on its own (the whole query, or between spaces) means that character.
  const alone = new Set((q ? normalizeText(q).split(/\s+/) : []).filter((s) => s.length === 1 && HAN.test(s)));
  const units: string[][] = [];
  // Greedy, longest first: up to 4 consecutive tokens may spell one synonym term (锂离子 + 电池).
  for (let i = 0; i < tokens.length;) {
    let taken = 0;
    for (let n = Math.min(4, tokens.length - i); n >= 2 && !taken; n--) {
      const joined = tokens.slice(i, i + n).join('');
      if (synonyms.has(joined)) {
        units.push([...synonyms.get(joined)!]);
        taken = n;
      }
    }
    if (!taken) {
      units.push([...(synonyms.get(tokens[i]!) ?? [tokens[i]!])]);
      taken = 1;
    }
    i += taken;
  }
  const seen = new Set<string>();
  const exprs: string[] = [];
  const terms: string[] = [];
  const highlight = new Set<string>();
  for (const unit of units.slice(0, MAX_UNITS)) {
    const key = [...unit].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const alternatives = unit.map((t) => termExpr(t, highlight, alone)).filter((x): x is string => x !== null);
    if (alternatives.length === 0) continue;
    terms.push(...unit);
    exprs.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`);
  }
  return {
    tsquery: exprs.length ? exprs.join(' & ') : null,
    terms: [...new Set(terms)],
    highlightTerms: [...highlight].sort((a, b) => b.length - a.length),
  };
}

/** Synonym terms are compared the way the tokenizer sees text. */
export const normalizeTerm = (term: string): string => normalizeText(term).trim();
