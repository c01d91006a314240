/**
 * npm run bench:matching — does matching read the text first?
 *
 *   npm run bench:matching                       the shared 1,000 CSL papers
 *   npm run bench:matching -- --test B.jsonl     another CSL-format corpus
 *
 * The corpus is loaded as published achievements of universities across Tianjin. From every fifth
 * record (held out: the text model's parameters were chosen on similar-record P@10 in
 * bench:quality, never on these demands) an enterprise's demand is written the way a buyer would:
 * "寻求" + the record's problem in its own keywords, with the record's field, a random budget, TRL
 * minimum, modes and district. For each demand the platform's matches (GET /api/demands/:id/matches
 * through its service) are read:
 *   sourceTop3        share of demands whose source record is among the first three matches;
 *   zeroTextAboveText pairs (over all demands) where a match with zero text relevance ranks above
 *                     one with text relevance.
 * Beside them: plain TF-IDF cosine over title + abstract (sourceTop3Baseline), and the scoring of
 * the last round (text 40 as √TF-IDF cosine, field 20, TRL 15, region 10, price 10, mode 5, no text
 * gate) over the same records (…PreviousScoring). Last line: JSON with every figure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { completeCreditCode } from '../common/credit-code.js';
import { DemandInput } from '../common/api/catalog.js';
import { TRANSFER_MODES, type TransferMode } from '../common/catalog.js';
import { migrateDatabase, openPglite } from '../server/db/client.js';
import { organizations } from '../server/modules/organizations/schema.js';
import { insertRecord, seedCatalogDemo, type CslPaper, readCslPapers } from '../server/db/seed/catalog-demo.js';
import { fieldCodeByName } from '../server/db/seed/fields.js';
import { seedReferenceData } from '../server/db/setup.js';
import { systemActor } from '../server/lib/actor.js';
import { newId } from '../server/lib/ids.js';
import { createRandom } from '../server/lib/random.js';
import { loadRecordsByIds } from '../server/modules/catalog/records.js';
import { achievementSide, demandSide, matchAchievementsForDemand } from '../server/modules/matching/service.js';
import { WEIGHTS, scoreMatch, type ComponentKey } from '../server/modules/matching/score.js';
import { cosine, tfidfVector } from '../server/modules/matching/vectors.js';
import { tokenizeForSearch } from '../server/lib/text/tokenize.js';
import { ROOT } from './lib.js';

const { values } = parseArgs({ options: { test: { type: 'string' }, every: { type: 'string' } } });
const shared = path.resolve(ROOT, '../shared/data/csl-papers-1000.jsonl');
const corpusFile = values.test ?? (existsSync(shared) ? shared : path.resolve(ROOT, 'server/db/seed/data/csl-papers-1000.jsonl'));
const every = Number(values.every ?? 5);
const known: CslPaper[] = readCslPapers(corpusFile).filter((p) => fieldCodeByName.has(p.discipline));
const t0 = performance.now();

const database = await openPglite('memory://');
await migrateDatabase(database);
await seedReferenceData(database.db);
const db = database.db;
const actor = systemActor('bench');
const org = async (name: string, regionCode: string, type: 'university' | 'enterprise', n: number) => {
  const o = { id: newId(), name, regionCode };
  await db.insert(organizations).values({
    ...o,
    type,
    creditCode: completeCreditCode(`${type === 'university' ? '1212' : '9112'}${regionCode.slice(2, 6)}MB${String(n).padStart(7, '0')}`),
    status: 'active',
  });
  return o;
};
const DISTRICTS = ['120101', '120104', '120111', '120113', '120116', '120114'];
const owners = await Promise.all(DISTRICTS.map((r, i) => org(`基准大学${i + 1}`, r, 'university', 100 + i)));
const buyers = await Promise.all(DISTRICTS.map((r, i) => org(`基准企业${i + 1}`, r, 'enterprise', 200 + i)));
await db.transaction((tx) => seedCatalogDemo(tx, actor, owners, [], 0, known));
const idByTitle = new Map((await db.query.achievements.findMany({ columns: { id: true, title: true } })).map((a) => [a.title, a.id]));

// ---------- demands written from held-out records ----------
const rnd = createRandom(42);
const keywordsOf = (p: CslPaper) => p.keywords.filter((k) => k.trim() && k.length <= 30);
const heldOut = known.filter((p, i) => i % every === 0 && keywordsOf(p).length > 0);
const demands: Array<{ id: string; source: string; text: string }> = [];
await db.transaction(async (tx) => {
  for (const [i, p] of heldOut.entries()) {
    const kw = keywordsOf(p);
    const min = Math.round(10 + rnd() * 200) * 1_000_000;
    const input = DemandInput.parse({
      title: `寻求${kw.slice(0, 2).join('与')}技术`.slice(0, 200),
      summary: `我单位需要${kw.join('、')}方面的技术，解决生产中遇到的${kw[0]}问题，希望与高校院所合作。`,
      fieldCode: fieldCodeByName.get(p.discipline)!,
      keywords: kw.slice(0, 5),
      budgetMinFen: min,
      budgetMaxFen: min * 3,
      budgetNegotiable: false,
      cooperationModes: [...TRANSFER_MODES].sort(() => rnd() - 0.5).slice(0, 2) as TransferMode[],
      trlMin: rnd() < 0.5 ? 4 + Math.floor(rnd() * 4) : null,
      contacts: [{ name: '技术部', phone: '022-66201000' }],
    });
    const id = await insertRecord(
      tx,
      actor,
      'demand',
      buyers[i % buyers.length]!,
      input,
      'published',
      new Date(Date.UTC(2026, 5, 1) + i * 60_000),
    );
    demands.push({ id, source: idByTitle.get(p.title.slice(0, 200))!, text: `${input.title}\n${input.summary}` });
  }
});
const loadMs = performance.now() - t0;

// ---------- baseline: TF-IDF cosine over title + abstract, and the last round's scoring ----------
const docs = known.map((p) => tokenizeForSearch(`${p.title}\n${p.abstract}`));
const df = new Map<string, number>();
for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
const N = docs.length;
const idf = (t: string) => Math.log(N / (df.get(t) ?? 1));
const counts = (toks: string[]) => {
  const m = new Map<string, number>();
  for (const t of toks) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};
const vectors = docs.map((d) => tfidfVector(counts(d), idf));
const ids = known.map((p) => idByTitle.get(p.title.slice(0, 200))!);
const records = new Map((await loadRecordsByIds(db, 'achievement', ids)).map((r) => [r.row.id, r]));
const demandRecs = new Map(
  (
    await loadRecordsByIds(
      db,
      'demand',
      demands.map((d) => d.id),
    )
  ).map((r) => [r.row.id, r]),
);
const PREVIOUS: Record<ComponentKey, number> = { text: 40, field: 20, trl: 15, region: 10, price: 10, mode: 5 };
const names = (c: string) => c;

let top3 = 0;
let top3Base = 0;
let top3Previous = 0;
let zeroAbove = 0;
let zeroAbovePrevious = 0;
let withZeroInTop10Previous = 0;
let empty = 0;
for (const d of demands) {
  const matches = await matchAchievementsForDemand({ db, actor, demandId: d.id, limit: 20 });
  if (matches.length === 0) empty++;
  if (matches.slice(0, 3).some((m) => m.record.row.id === d.source)) top3++;
  const text = matches.map((m) => m.explanation.components.find((c) => c.key === 'text')!.points);
  for (let i = 0; i < text.length; i++) for (let j = i + 1; j < text.length; j++) if (text[i] === 0 && text[j]! > 0) zeroAbove++;

  const q = tfidfVector(counts(tokenizeForSearch(d.text)), idf);
  const sims = vectors.map((v) => cosine(q, v));
  const base = sims
    .map((s, i) => [s, i] as const)
    .filter(([s]) => s > 0)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  if (base.slice(0, 3).some(([, i]) => ids[i] === d.source)) top3Base++;

  // The last round: every candidate scored, text as √cosine at weight 40, no gate.
  const dSide = demandSide(demandRecs.get(d.id)! as never);
  const previous = ids
    .map((id, i) => {
      const e = scoreMatch(dSide, achievementSide(records.get(id)! as never), Math.sqrt(Math.max(0, sims[i]!)), names);
      const total = e.components.reduce((s, c) => s + (PREVIOUS[c.key] * c.points) / WEIGHTS[c.key], 0);
      return { id, total, text: sims[i]! };
    })
    .sort((x, y) => y.total - x.total || x.id.localeCompare(y.id))
    .slice(0, 20);
  if (previous.slice(0, 3).some((m) => m.id === d.source)) top3Previous++;
  if (previous.slice(0, 10).some((m) => m.text <= 0)) withZeroInTop10Previous++;
  for (let i = 0; i < previous.length; i++)
    for (let j = i + 1; j < previous.length; j++) if (previous[i]!.text <= 0 && previous[j]!.text > 0) zeroAbovePrevious++;
}
await database.close();

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const figures = {
  records: known.length,
  demands: demands.length,
  sourceTop3: r3(top3 / demands.length),
  sourceTop3Baseline: r3(top3Base / demands.length),
  sourceTop3PreviousScoring: r3(top3Previous / demands.length),
  zeroTextAboveText: zeroAbove,
  zeroTextAboveTextPreviousScoring: zeroAbovePrevious,
  demandsWithZeroTextInTop10PreviousScoring: withZeroInTop10Previous,
  demandsWithoutMatches: empty,
  seconds: Math.round((performance.now() - t0) / 1000),
};
console.log(
  `\nbench:matching on ${path.basename(corpusFile)} (${known.length} records, ${demands.length} demands from every ${every}th record; loaded in ${Math.round(loadMs)} ms)`,
);
console.log('                                          ours     TF-IDF cosine   last round’s scoring');
console.log(
  `source record in the top 3                ${String(figures.sourceTop3).padEnd(8)} ${String(figures.sourceTop3Baseline).padEnd(15)} ${figures.sourceTop3PreviousScoring}`,
);
console.log(
  `zero-text match above a text match        ${String(figures.zeroTextAboveText).padEnd(8)} ${'—'.padEnd(15)} ${figures.zeroTextAboveTextPreviousScoring} (pairs; ${withZeroInTop10Previous} demands with one in the top 10)`,
);
console.log(JSON.stringify(figures));
