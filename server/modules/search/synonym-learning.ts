import { normalizeText } from '../../lib/text/tokenize.js';
import { isAbbreviationOf } from './relax.js';

/**
 * Synonym and abbreviation candidates learned from the catalogue's own keywords (pure; the service
 * reads the keywords and stores what this proposes for an admin to accept or reject).
 *
 * - Abbreviation: a keyword whose characters appear, in order and not as one contiguous piece, in
 *   a longer keyword that starts and ends with the same character (锂电池 → 锂离子电池, 食添加剂 →
 *   食品添加剂). Chinese abbreviations keep the head and the tail of the full form; requiring both
 *   keeps 电池 (a part of 锂离子电池, already found by search) and 锂池 (a coincidence) out.
 * - Co-occurrence: two keywords that are never given to the same record but keep the same company
 *   (the keywords beside them overlap: cosine of their neighbour counts) and share a character —
 *   how two names for one thing show up when each record uses one of them.
 */
export interface LearnedCandidate {
  /** The shorter term (the abbreviation), then the other; normalised. */
  terms: [string, string];
  source: 'abbreviation' | 'cooccurrence';
  /** 0–100: records holding the pair (abbreviation), or the neighbour cosine × 100 (co-occurrence). */
  score: number;
  evidence: Record<string, number | string[]>;
}

export const LEARNING_SETTINGS = {
  /** A co-occurrence candidate's keywords each sit on at least this many records. */
  minRecords: 2,
  /** ... share at least this many neighbouring keywords ... */
  minSharedNeighbours: 2,
  /** ... whose counts have at least this cosine. */
  minCosine: 0.5,
  /** At most this many candidates per learning run, best first. */
  maxCandidates: 200,
} as const;

const HAN = /^\p{Script=Han}{2,}$/u;
const norm = (k: string) => normalizeText(k).trim().replace(/\s+/g, '');

/** An abbreviation of `full` in the Chinese manner: same first and last character, in order, not a contiguous part. */
export function isChineseAbbreviation(abbr: string, full: string): boolean {
  if (!HAN.test(abbr) || !HAN.test(full) || abbr.length >= full.length) return false;
  if (full.includes(abbr)) return false;
  if (abbr[0] !== full[0] || abbr[abbr.length - 1] !== full[full.length - 1]) return false;
  return isAbbreviationOf(abbr, full);
}

export function learnSynonymCandidates(
  keywordsPerRecord: ReadonlyArray<readonly string[]>,
  settings = LEARNING_SETTINGS,
): LearnedCandidate[] {
  const records = keywordsPerRecord.map((ks) => [...new Set(ks.map(norm).filter((k) => k !== ''))]);
  const df = new Map<string, number>();
  for (const ks of records) for (const k of ks) df.set(k, (df.get(k) ?? 0) + 1);
  const out: LearnedCandidate[] = [];

  // Abbreviations: compare each Han keyword with the longer keywords starting with its first character.
  const byFirst = new Map<string, string[]>();
  for (const k of df.keys()) if (HAN.test(k)) byFirst.set(k[0]!, [...(byFirst.get(k[0]!) ?? []), k]);
  for (const group of byFirst.values()) {
    for (const abbr of group) {
      for (const full of group) {
        if (!isChineseAbbreviation(abbr, full)) continue;
        const a = df.get(abbr)!;
        const f = df.get(full)!;
        out.push({
          terms: [abbr, full],
          source: 'abbreviation',
          score: Math.min(100, a + f),
          evidence: { abbreviationRecords: a, fullFormRecords: f },
        });
      }
    }
  }

  // Co-occurrence: neighbour counts of keywords on enough records.
  const neighbours = new Map<string, Map<string, number>>();
  const together = new Set<string>();
  for (const ks of records) {
    for (const a of ks) {
      if (df.get(a)! < settings.minRecords) continue;
      let n = neighbours.get(a);
      if (!n) neighbours.set(a, (n = new Map()));
      for (const b of ks) {
        if (b === a) continue;
        n.set(b, (n.get(b) ?? 0) + 1);
        together.add(`${a}\u0000${b}`);
      }
    }
  }
  // Pairs that share a neighbour: through each neighbour's list of keywords beside it.
  const beside = new Map<string, string[]>();
  for (const [k, n] of neighbours) for (const m of n.keys()) beside.set(m, [...(beside.get(m) ?? []), k]);
  const shared = new Map<string, string[]>();
  for (const [m, ks] of beside) {
    for (let i = 0; i < ks.length; i++) {
      for (let j = i + 1; j < ks.length; j++) {
        const [a, b] = [ks[i]!, ks[j]!].sort();
        const key = `${a}\u0000${b}`;
        shared.set(key, [...(shared.get(key) ?? []), m]);
      }
    }
  }
  const norms = new Map([...neighbours].map(([k, n]) => [k, Math.sqrt([...n.values()].reduce((s, v) => s + v * v, 0))]));
  const already = new Set(out.map((c) => c.terms.join('\u0000')));
  for (const [key, via] of shared) {
    if (via.length < settings.minSharedNeighbours || together.has(key)) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    if (![...a].some((ch) => /\p{Script=Han}/u.test(ch) && b.includes(ch))) continue;
    const na = neighbours.get(a)!;
    const nb = neighbours.get(b)!;
    let dot = 0;
    for (const m of via) dot += na.get(m)! * nb.get(m)!;
    const cos = dot / (norms.get(a)! * norms.get(b)!);
    if (cos < settings.minCosine) continue;
    const terms = (a.length <= b.length ? [a, b] : [b, a]) as [string, string];
    if (already.has(terms.join('\u0000'))) continue;
    out.push({
      terms,
      source: 'cooccurrence',
      score: Math.round(cos * 100),
      evidence: { recordsA: df.get(terms[0])!, recordsB: df.get(terms[1])!, sharedNeighbours: via.slice().sort().slice(0, 8) },
    });
  }
  return out.sort((x, y) => y.score - x.score || x.terms.join().localeCompare(y.terms.join())).slice(0, settings.maxCandidates);
}
