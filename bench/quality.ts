/**
 * npm run bench:quality — search, field-suggestion and similar-record quality on CSL-format records,
 * each beside a baseline computed here in the same run.
 *
 *   npm run bench:quality                                   the shared 1,000 CSL papers (5-fold CV for fields)
 *   npm run bench:quality -- --train A.jsonl --test B.jsonl  fields: train on A, measure on B; search and
 *                                                            similar records: B is the corpus
 *
 * (a) known-item search: each paper's first keyword as the query, through the platform's search
 *     service, MRR@10 and recall@10, beside plain BM25 over the same jieba tokens;
 * (b) field suggestion top-1/top-3, beside a nearest-centroid TF-IDF baseline;
 * (c) similar records: the platform's "similar achievements" top 10, precision@10 counted as same
 *     discipline, beside TF-IDF cosine — shown for the platform as it runs (text + same field) and for
 *     its text part alone, since a field bonus makes "same discipline" partly self-fulfilling.
 * (d) with --queries FILE (JSONL lines {"kind", "q", "relevant": [titles]}, e.g.
 *     bench/queries/csl-forgiving.jsonl, built by bench/queries/make-csl-forgiving.ts): per kind, the
 *     share of queries with no result, success@10 (a relevant record in the top 10) and precision@10
 *     (relevant records among the top 10 shown, over how many were shown, at most 10; 0 when none),
 *     beside BM25 over the same jieba tokens.
 * Last line: JSON with every figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { completeCreditCode } from '../common/credit-code.js';
import { SearchQuery } from '../common/api/search.js';
import { migrateDatabase, openPglite } from '../server/db/client.js';
import { organizations } from '../server/modules/organizations/schema.js';
import { seedCatalogDemo, type CslPaper, readCslPapers } from '../server/db/seed/catalog-demo.js';
import { fieldCodeByName } from '../server/db/seed/fields.js';
import { seedReferenceData } from '../server/db/setup.js';
import { anonymousActor, systemActor } from '../server/lib/actor.js';
import { newId } from '../server/lib/ids.js';
import { similarAchievementIds } from '../server/modules/matching/service.js';
import { cosine, tfidfVector } from '../server/modules/matching/vectors.js';
import { clock } from '../server/lib/clock.js';
import { createSearchState, searchAchievements } from '../server/modules/search/service.js';
import { crossValidateFields, evaluateFields, readJsonl } from '../server/modules/suggest/evaluate.js';
import { tokenizeForSearch } from '../server/lib/text/tokenize.js';
import { ROOT } from './lib.js';

const { values } = parseArgs({
  options: { train: { type: 'string' }, test: { type: 'string' }, queries: { type: 'string' }, 'queries-only': { type: 'boolean' } },
});
// --queries-only: (a) and (d) alone (no field cross-validation, no similar records), for quick runs.
const queriesOnly = Boolean(values['queries-only']);
if (Boolean(values.train) !== Boolean(values.test)) throw new Error('give both --train and --test, or neither');
const shared = path.resolve(ROOT, '../shared/data/csl-papers-1000.jsonl');
const corpusFile = values.test ?? (existsSync(shared) ? shared : path.resolve(ROOT, 'server/db/seed/data/csl-papers-1000.jsonl'));
const papers: CslPaper[] = readCslPapers(corpusFile);
const t0 = performance.now();

// ---------- (b) field suggestion ----------
const fields = queriesOnly
  ? { top1: NaN, top3: NaN, baselineTop1: NaN, baselineTop3: NaN }
  : values.train
    ? evaluateFields(readJsonl(values.train), readJsonl(values.test!))
    : crossValidateFields(readJsonl(corpusFile), 5, 42);

// ---------- load the corpus into a fresh embedded database, as published achievements ----------
const database = await openPglite('memory://');
await migrateDatabase(database);
await seedReferenceData(database.db);
const db = database.db;
const owner = { id: newId(), name: '基准测试大学', regionCode: '120104' };
await db
  .insert(organizations)
  .values({ ...owner, type: 'university', creditCode: completeCreditCode('12120104MB9999991'), status: 'active' });
const known = papers.filter((p) => fieldCodeByName.has(p.discipline));
await db.transaction((tx) => seedCatalogDemo(tx, systemActor('bench'), [owner], [], 0, known));
const idByTitle = new Map((await db.query.achievements.findMany({ columns: { id: true, title: true } })).map((a) => [a.title, a.id]));
const loadMs = performance.now() - t0;

// ---------- baselines over the same tokens ----------
const docs = known.map((p) => tokenizeForSearch(`${p.title}\n${p.abstract}`));
const df = new Map<string, number>();
for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
const N = docs.length;
const avgLen = docs.reduce((s, d) => s + d.length, 0) / N;
const tfs = docs.map((d) => {
  const m = new Map<string, number>();
  for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
});
function bm25(query: string[]): number[] {
  const k1 = 1.2;
  const b = 0.75;
  return tfs.map((tf, i) => {
    let s = 0;
    for (const q of new Set(query)) {
      const f = tf.get(q);
      if (!f) continue;
      const idf = Math.log(1 + (N - df.get(q)! + 0.5) / (df.get(q)! + 0.5));
      s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * docs[i]!.length) / avgLen));
    }
    return s;
  });
}
const idf = (t: string) => Math.log(N / (df.get(t) ?? 1));
// Plain TF-IDF cosine over the same tokens, unweighted by field position (the platform weights title ×3).
const tfidf = tfs.map((tf) => tfidfVector(tf, idf));
const topIndices = (scores: number[], k: number, exclude = -1) =>
  scores
    .map((s, i) => [s, i] as const)
    .filter(([s, i]) => i !== exclude && s > 0)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, k)
    .map(([, i]) => i);

// ---------- (a) known-item search ----------
const search = createSearchState({ clock });
let mrr = 0;
let recall = 0;
let mrrBase = 0;
let recallBase = 0;
let asked = 0;
for (const [i, p] of known.entries()) {
  const q = p.keywords[0];
  if (!q) continue;
  asked++;
  const result = await searchAchievements({
    db,
    search,
    actor: anonymousActor(),
    query: SearchQuery.parse({ q, limit: 10, facets: 'false' }),
  });
  const rank = result.items.findIndex((h) => h.record.row.id === idByTitle.get(p.title.slice(0, 200)));
  if (rank >= 0) {
    mrr += 1 / (rank + 1);
    recall += 1;
  }
  const baseRank = topIndices(bm25(tokenizeForSearch(q)), 10).indexOf(i);
  if (baseRank >= 0) {
    mrrBase += 1 / (baseRank + 1);
    recallBase += 1;
  }
}

// ---------- (d) forgiving queries (--queries FILE) ----------
interface KindFigures {
  queries: number;
  empty: number;
  success10: number;
  precision10: number;
  emptyBaseline: number;
  success10Baseline: number;
  precision10Baseline: number;
  relaxed: number;
}
const byKind = new Map<string, KindFigures>();
if (values.queries) {
  const lines = readFileSync(values.queries, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { kind: string; q: string; relevant: string[] });
  const titleOf = known.map((p) => p.title.slice(0, 200));
  for (const line of lines) {
    const relevant = new Set(line.relevant.map((x) => x.slice(0, 200)));
    const f = byKind.get(line.kind) ?? {
      queries: 0,
      empty: 0,
      success10: 0,
      precision10: 0,
      emptyBaseline: 0,
      success10Baseline: 0,
      precision10Baseline: 0,
      relaxed: 0,
    };
    byKind.set(line.kind, f);
    f.queries++;
    const result = await searchAchievements({
      db,
      search,
      actor: anonymousActor(),
      query: SearchQuery.parse({ q: line.q, limit: 10, facets: 'false' }),
    });
    const ours = result.items.map((h) => h.record.row.title);
    const base = topIndices(bm25(tokenizeForSearch(line.q)), 10).map((i) => titleOf[i]!);
    if (result.match.relaxed) f.relaxed++;
    for (const [titles, empty, success, precision] of [
      [ours, 'empty', 'success10', 'precision10'],
      [base, 'emptyBaseline', 'success10Baseline', 'precision10Baseline'],
    ] as const) {
      const hits = titles.filter((x) => relevant.has(x)).length;
      if (titles.length === 0) f[empty]++;
      if (hits > 0) f[success]++;
      f[precision] += titles.length ? hits / titles.length : 0;
    }
  }
}

// ---------- (c) similar records ----------
let p10 = 0;
let p10Text = 0;
let p10Base = 0;
const disciplineById = new Map(known.map((p) => [idByTitle.get(p.title.slice(0, 200))!, p.discipline]));
for (const [i, p] of queriesOnly ? [] : known.entries()) {
  const id = idByTitle.get(p.title.slice(0, 200))!;
  const me = {
    id,
    title: p.title.slice(0, 200),
    keywords: p.keywords.filter((k) => k.length <= 30).slice(0, 10),
    summary: p.abstract.slice(0, 5000),
    fieldCode: fieldCodeByName.get(p.discipline)!,
  };
  const withField = await similarAchievementIds(db, me, 10, true);
  const textOnly = await similarAchievementIds(db, me, 10, false);
  p10 += withField.filter((x) => disciplineById.get(x) === p.discipline).length / 10;
  p10Text += textOnly.filter((x) => disciplineById.get(x) === p.discipline).length / 10;
  const base = topIndices(
    tfidf.map((v) => cosine(tfidf[i]!, v)),
    10,
    i,
  );
  p10Base += base.filter((j) => known[j]!.discipline === p.discipline).length / 10;
}
await database.close();

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const figures = {
  records: known.length,
  keywordMrr10: r3(mrr / asked),
  keywordRecall10: r3(recall / asked),
  keywordMrr10Baseline: r3(mrrBase / asked),
  keywordRecall10Baseline: r3(recallBase / asked),
  fieldTop1: r3(fields.top1),
  fieldTop3: r3(fields.top3),
  fieldTop1Baseline: r3(fields.baselineTop1),
  fieldTop3Baseline: r3(fields.baselineTop3),
  similarP10: r3(p10 / known.length),
  similarP10TextOnly: r3(p10Text / known.length),
  similarP10Baseline: r3(p10Base / known.length),
  queries: Object.fromEntries(
    [...byKind].map(([kind, f]) => [
      kind,
      {
        queries: f.queries,
        emptyShare: r3(f.empty / f.queries),
        success10: r3(f.success10 / f.queries),
        precision10: r3(f.precision10 / f.queries),
        relaxedShare: r3(f.relaxed / f.queries),
        emptyShareBaseline: r3(f.emptyBaseline / f.queries),
        success10Baseline: r3(f.success10Baseline / f.queries),
        precision10Baseline: r3(f.precision10Baseline / f.queries),
      },
    ]),
  ),
  seconds: Math.round((performance.now() - t0) / 1000),
};
console.log(`\nbench:quality on ${path.basename(corpusFile)} (${known.length} records; corpus loaded in ${Math.round(loadMs)} ms)`);
console.log('                                      ours     baseline');
console.log(
  `(a) known-item MRR@10               ${String(figures.keywordMrr10).padEnd(8)} ${figures.keywordMrr10Baseline}  (BM25, same tokens)`,
);
console.log(`    known-item recall@10            ${String(figures.keywordRecall10).padEnd(8)} ${figures.keywordRecall10Baseline}`);
console.log(
  `(b) field top-1 ${values.train ? '(train A, test B)' : '(5-fold CV)      '}  ${String(figures.fieldTop1).padEnd(8)} ${figures.fieldTop1Baseline}  (nearest TF-IDF centroid)`,
);
console.log(`    field top-3                     ${String(figures.fieldTop3).padEnd(8)} ${figures.fieldTop3Baseline}`);
console.log(`(c) similar P@10 (text + field)     ${String(figures.similarP10).padEnd(8)} ${figures.similarP10Baseline}  (TF-IDF cosine)`);
console.log(`    similar P@10 (text only)        ${String(figures.similarP10TextOnly).padEnd(8)} ${figures.similarP10Baseline}`);
for (const [kind, f] of Object.entries(figures.queries)) {
  console.log(`(d) ${kind} (${f.queries} queries, ${path.basename(values.queries!)})`);
  console.log(`    no result                       ${String(f.emptyShare).padEnd(8)} ${f.emptyShareBaseline}  (BM25, same tokens)`);
  console.log(`    success@10                      ${String(f.success10).padEnd(8)} ${f.success10Baseline}`);
  console.log(`    precision@10                    ${String(f.precision10).padEnd(8)} ${f.precision10Baseline}`);
  console.log(`    relaxed matches                 ${f.relaxedShare}`);
}
console.log(JSON.stringify(figures));
