import { normalizeText, tokenizeForSearch } from '../../lib/text/tokenize.js';
import { EXPORT_PARAMETERS } from './parameters.js';
import type { ScreeningCandidate } from './schema.js';

/**
 * Screening a record's text against catalogue items: pure, so every rule is unit-tested. A term of an
 * item matches when the record's normalised text contains it, or when every jieba word of the term is
 * a word of the record (the words may be apart: 稀土…萃取). An item is a candidate when its matched
 * terms weigh enough (each counts its length in characters); a control point is shown as matched when
 * it names a matched term beyond its item's name, or shares two
 * telling words (not generic, not the item's name) with the record. The reviewer decides; this only
 * proposes.
 */
export interface MatchItem {
  id: string;
  code: string | null;
  class: 'prohibited' | 'restricted';
  name: string;
  industry: string;
  controlPoints: string[];
  terms: string[];
}

export interface ScreeningText {
  title: string;
  keywords: readonly string[];
  /** The record's technical field, by name. */
  fieldName: string | null;
  body: string;
}

/** Words every control point uses; they tell nothing apart. */
const GENERIC = new Set(['技术', '制备', '生产', '工艺', '方法', '及其', '相关', '官方', '文本', '参数', '满足', '同时']);
const WORD = /\p{Script=Han}{2,}|[a-z0-9]{3,}/u;

interface Prepared {
  normalized: string;
  words: Set<string>;
}

export function prepareText(t: ScreeningText): Prepared {
  const all = [t.title, t.keywords.join(' '), t.fieldName ?? '', t.body].join('\n');
  return { normalized: normalizeText(all).replace(/\s+/g, ''), words: new Set(tokenizeForSearch(all)) };
}

export function termMatches(term: string, text: Prepared): boolean {
  const n = normalizeText(term).replace(/\s+/g, '');
  if (n.length === 0) return false;
  if (text.normalized.includes(n)) return true;
  const words = tokenizeForSearch(term);
  return words.length > 1 && words.every((w) => text.words.has(w));
}

export function screenText(
  t: ScreeningText,
  items: readonly MatchItem[],
  minScore: number = EXPORT_PARAMETERS.candidateMinScore.value,
): ScreeningCandidate[] {
  const text = prepareText(t);
  const out: ScreeningCandidate[] = [];
  for (const item of items) {
    const matchedTerms = [...new Set(item.terms)].filter((term) => termMatches(term, text));
    const score = matchedTerms.reduce((s, term) => s + [...normalizeText(term)].length, 0);
    if (score < minScore || matchedTerms.length === 0) continue;
    out.push({
      itemId: item.id,
      code: item.code,
      class: item.class,
      name: item.name,
      industry: item.industry,
      score,
      matchedTerms,
      controlPoints: item.controlPoints.map((point) => {
        // What sets the point apart from its item: a term or words not already in the item's name.
        const name = normalizeText(item.name);
        const nameWords = new Set(tokenizeForSearch(item.name));
        const named = matchedTerms.filter(
          (term) => !name.includes(normalizeText(term)) && normalizeText(point).includes(normalizeText(term)),
        );
        const shared = [...new Set(tokenizeForSearch(point))].filter(
          (w) => WORD.test(w) && !GENERIC.has(w) && !nameWords.has(w) && text.words.has(w),
        );
        const terms = [...new Set([...named, ...shared])];
        return { text: point, matched: named.length > 0 || shared.length >= 2, matchedTerms: terms };
      }),
    });
  }
  // Strongest first; prohibited before restricted at equal strength.
  return out.sort((a, b) => b.score - a.score || (a.class === b.class ? 0 : a.class === 'prohibited' ? -1 : 1));
}
