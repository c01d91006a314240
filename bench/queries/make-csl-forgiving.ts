/**
 * Builds bench/queries/csl-forgiving.jsonl, the query file of `npm run bench:quality -- --queries`,
 * from the CSL papers (../shared/data/csl-papers-1000.jsonl, else the seed copy): what people type
 * that the index must forgive. Deterministic (seeded). One JSON line per query:
 * {"kind", "q", "relevant": [titles]}.
 *
 * - part-of-term: a jieba word inside a compound keyword (电池 in 锂离子电池), 2+ characters;
 *   relevant: every paper whose title, keywords or abstract contains it (at most 30 such papers).
 * - abbreviation: a keyword of 4+ Han characters with one or two inner characters dropped
 *   (食品添加剂 → 食添加剂), occurring in no paper as typed; relevant: the papers with that keyword.
 * - two-term: two keywords of one paper, with a space or without (alternately); relevant: the papers
 *   whose text contains both.
 *
 *   npx tsx bench/queries/make-csl-forgiving.ts [--corpus FILE] [--out FILE] [--per-kind 200]
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCslPapers } from '../../server/db/seed/catalog-demo.js';
import { normalizeText, tokenize } from '../../server/lib/text/tokenize.js';
import { ROOT } from '../lib.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' }, 'per-kind': { type: 'string' } } });
const shared = path.resolve(ROOT, '../shared/data/csl-papers-1000.jsonl');
const corpusFile = values.corpus ?? (existsSync(shared) ? shared : path.resolve(ROOT, 'server/db/seed/data/csl-papers-1000.jsonl'));
const out = values.out ?? path.resolve(ROOT, 'bench/queries/csl-forgiving.jsonl');
const perKind = Number(values['per-kind'] ?? 200);

const papers = readCslPapers(corpusFile);
// As bench/quality.ts loads them: titles cut at 200 characters, abstracts at 5,000, keywords ≤ 30 characters.
const docs = papers.map((p) => {
  const title = p.title.slice(0, 200);
  const keywords = p.keywords.filter((k) => k.length <= 30).slice(0, 10);
  return { title, keywords, text: normalizeText(`${title}\n${keywords.join(' ')}\n${p.abstract.slice(0, 5000)}`) };
});

let seed = 20261207;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const shuffle = <T>(xs: T[]): T[] => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};
const containing = (...parts: string[]) => docs.filter((d) => parts.every((p) => d.text.includes(normalizeText(p)))).map((d) => d.title);
const HAN = /^\p{Script=Han}+$/u;

const lines: Array<{ kind: string; q: string; relevant: string[] }> = [];
const seen = new Set<string>();
const push = (kind: string, q: string, relevant: string[]) => {
  if (seen.has(`${kind}\t${q}`) || relevant.length === 0) return false;
  seen.add(`${kind}\t${q}`);
  lines.push({ kind, q, relevant });
  return true;
};

const keywordsInOrder = shuffle(docs.flatMap((d) => d.keywords.map((k) => ({ d, k }))));

let n = 0;
for (const { k } of keywordsInOrder) {
  if (n >= perKind) break;
  if (!HAN.test(k) || k.length < 4) continue;
  const parts = tokenize(k).filter((t) => t.length >= 2 && HAN.test(t) && t !== k);
  if (parts.length === 0) continue;
  const part = parts[Math.floor(random() * parts.length)]!;
  const relevant = containing(part);
  if (relevant.length > 30) continue;
  if (push('part-of-term', part, relevant)) n++;
}

n = 0;
for (const { k } of keywordsInOrder) {
  if (n >= perKind) break;
  if (!HAN.test(k) || k.length < 4) continue;
  const chars = [...k];
  const drop = new Set<number>();
  const dropping = k.length >= 6 && random() < 0.5 ? 2 : 1;
  while (drop.size < dropping) drop.add(1 + Math.floor(random() * (chars.length - 2)));
  const q = chars.filter((_, i) => !drop.has(i)).join('');
  if (containing(q).length > 0) continue; // typed as is, it is no abbreviation
  const relevant = docs.filter((d) => d.keywords.includes(k)).map((d) => d.title);
  if (push('abbreviation', q, relevant)) n++;
}

n = 0;
for (const d of shuffle(docs)) {
  if (n >= perKind) break;
  const ks = d.keywords.filter((k) => k.length >= 2);
  if (ks.length < 2) continue;
  const [a, b] = shuffle(ks);
  const q = n % 2 === 0 ? `${a} ${b}` : `${a}${b}`;
  if (push('two-term', q, containing(a!, b!))) n++;
}

writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
const perKindCount = new Map<string, number>();
for (const l of lines) perKindCount.set(l.kind, (perKindCount.get(l.kind) ?? 0) + 1);
const counts = [...perKindCount].map(([k, v]) => `${k} ${v}`);
console.log(`${path.relative(ROOT, out)}: ${lines.length} queries (${counts.join(', ')}) from ${path.basename(corpusFile)}`);
