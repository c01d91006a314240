/**
 * Field and keyword suggestion quality (server/modules/suggest), each beside its baseline.
 *
 *   npx tsx bench/fields.ts                              5-fold CV on ../shared/data/csl-papers-1000.jsonl
 *   npx tsx bench/fields.ts --train A.jsonl --test B.jsonl   train on A, measure on B
 *
 * Last line: JSON { fieldTop1, fieldTop3, fieldTop1Baseline, fieldTop3Baseline, keywordP5, keywordR5 }.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidateFields, evaluateFields, readJsonl, type LabelledRecord } from '../server/modules/suggest/evaluate.js';
import { buildKeywordIdf, suggestKeywords, suggestKeywordsJiebaBaseline } from '../server/modules/suggest/keywords.js';
import { normalizeText } from '../server/lib/text/tokenize.js';
import { ROOT } from './lib.js';

const DEFAULT_DATA = path.resolve(ROOT, '../shared/data/csl-papers-1000.jsonl');
const FOLDS = 5;
const SEED = 42;
const K = 5;

const { values } = parseArgs({ options: { train: { type: 'string' }, test: { type: 'string' } } });
if (Boolean(values.train) !== Boolean(values.test)) throw new Error('give both --train and --test, or neither');

/** Mean precision@k and recall@k of suggested keywords against the records' own keywords (exact match after normalisation). */
function keywordScores(records: LabelledRecord[], suggest: (text: string) => string[]) {
  let precision = 0;
  let recall = 0;
  const scored = records.filter((r) => r.keywords.length > 0);
  for (const r of scored) {
    const gold = new Set(r.keywords.map(normalizeText));
    const hits = suggest(r.text).filter((k) => gold.has(k)).length;
    precision += hits / K;
    recall += hits / gold.size;
  }
  return { p5: precision / scored.length, r5: recall / scored.length };
}

const t0 = performance.now();
let fields;
let keywordTest: LabelledRecord[];
let idfTexts: string[];
if (values.train && values.test) {
  const train = readJsonl(path.resolve(values.train));
  keywordTest = readJsonl(path.resolve(values.test));
  idfTexts = train.map((r) => r.text);
  fields = evaluateFields(train, keywordTest);
  console.log(`field suggestion: train ${train.length} records, test ${keywordTest.length}`);
} else {
  const records = readJsonl(DEFAULT_DATA);
  keywordTest = records;
  // IDF uses texts only, never keywords, so computing it on the whole file leaks no answer.
  idfTexts = records.map((r) => r.text);
  fields = crossValidateFields(records, FOLDS, SEED);
  console.log(`field suggestion: ${FOLDS}-fold cross-validation, ${records.length} records, seed ${SEED}`);
}
const idf = buildKeywordIdf(idfTexts);
const ours = keywordScores(keywordTest, (text) => suggestKeywords(text, K, idf));
const base = keywordScores(keywordTest, (text) => suggestKeywordsJiebaBaseline(text, K));

const row = (name: string, ours: number, baseline: number, goal = '') =>
  console.log(`${name.padEnd(13)}${ours.toFixed(3).padStart(8)}${baseline.toFixed(3).padStart(10)}${goal.padStart(8)}`);
console.log(`${''.padEnd(13)}${'ours'.padStart(8)}${'baseline'.padStart(10)}${'goal'.padStart(8)}`);
row('field top-1', fields.top1, fields.baselineTop1, '≥ 0.65');
row('field top-3', fields.top3, fields.baselineTop3, '≥ 0.85');
row('keyword P@5', ours.p5, base.p5);
row('keyword R@5', ours.r5, base.r5);
console.log('field baseline: nearest TF-IDF centroid over jieba words; keyword baseline: jieba TF-IDF (bundled IDF)');
console.log(
  `training time (ours, incl. tokenising): ${(fields.trainMs / 1000).toFixed(2)} s total; whole bench ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const round = (v: number) => Number(v.toFixed(4));
console.log(
  JSON.stringify({
    fieldTop1: round(fields.top1),
    fieldTop3: round(fields.top3),
    fieldTop1Baseline: round(fields.baselineTop1),
    fieldTop3Baseline: round(fields.baselineTop3),
    keywordP5: round(ours.p5),
    keywordR5: round(ours.r5),
  }),
);
