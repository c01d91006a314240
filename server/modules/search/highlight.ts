import { normalizeText } from '../../lib/text/tokenize.js';

/**
 * Snippets for a hit: the title whole and a window of the summary around the first match, every
 * matched term (synonyms and fallback sub-words included) wrapped in <mark>…</mark>, everything
 * else HTML-escaped. Matching is done on the normalised text (NFKC, lower case, as the tokenizer
 * sees it) and mapped back to the original characters.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const SNIPPET_CHARS = 120;
const BEFORE_MATCH = 30;

/** [start, end) ranges in `text` (UTF-16 offsets) where any term occurs, merged, leftmost first. */
export function findMatches(text: string, terms: readonly string[]): Array<[number, number]> {
  // Normalise character by character so every normalised offset maps back to an original one.
  let norm = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    // Common Han characters and ASCII other than capitals normalise to themselves (most of a summary).
    const n = (cp >= 0x4e00 && cp <= 0x9fff) || (cp < 0x80 && (cp < 0x41 || cp > 0x5a)) ? ch : normalizeText(ch);
    for (let k = 0; k < n.length; k++) origin.push(i);
    norm += n;
    i += ch.length;
  }
  origin.push(text.length);
  const wanted = [...new Set(terms.map((t) => normalizeText(t).trim()).filter((t) => t !== ''))];
  const ranges: Array<[number, number]> = [];
  for (const t of wanted) {
    for (let at = norm.indexOf(t); at >= 0; at = norm.indexOf(t, at + 1)) {
      const endNorm = at + t.length;
      // End at the original character after the last matched normalised one.
      let end = origin[endNorm]!;
      if (end === origin[endNorm - 1]) end = origin.find((o, k) => k >= endNorm && o > origin[endNorm - 1]!) ?? text.length;
      ranges.push([origin[at]!, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function mark(text: string, ranges: Array<[number, number]>, from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** The whole text with matches marked. */
export const highlightAll = (text: string, terms: readonly string[]): string => mark(text, findMatches(text, terms));

/** A window of about SNIPPET_CHARS characters starting a little before the first match. */
export function snippet(text: string, terms: readonly string[]): string {
  const ranges = findMatches(text, terms);
  if (text.length <= SNIPPET_CHARS) return mark(text, ranges);
  let from = ranges.length ? Math.max(0, ranges[0]![0] - BEFORE_MATCH) : 0;
  let to = Math.min(text.length, from + SNIPPET_CHARS);
  if (to - from < SNIPPET_CHARS) from = Math.max(0, to - SNIPPET_CHARS);
  // Never cut a match or a surrogate pair in half.
  for (const [s, e] of ranges) {
    if (s < from && e > from) from = s;
    if (s < to && e > to) to = e;
  }
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  return (from > 0 ? '…' : '') + mark(text, ranges, from, to) + (to < text.length ? '…' : '');
}

export function highlightRecord(rec: { title: string; summary: string }, terms: readonly string[]) {
  return { title: highlightAll(rec.title, terms), summary: snippet(rec.summary, terms) };
}
