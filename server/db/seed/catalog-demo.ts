import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AchievementInput, DemandInput } from '../../../common/api/catalog.js';
import { TRANSFER_MODE_LABELS, TRANSFER_MODES, type TransferMode } from '../../../common/catalog.js';
import { patentCheckChar } from '../../../common/patent-number.js';
import type { Tx } from '../client.js';
import { achievements, curatedListItems, curatedLists, demands } from '../schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { createRandom } from '../../lib/random.js';
import { columnsFor } from '../../modules/catalog/service.js';
import { indexedText } from '../../modules/catalog/records.js';
import { addWorkingDays, localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import {
  advantageFromAbstract,
  demandSummary,
  demandTitle,
  fieldGroup,
  isTechnologyPaper,
  NEED_VERBS,
  priceRangeWan,
  problemFromAbstract,
  technologyKeywords,
  TRL_RANGE,
} from './demo-text.js';
import { fieldCodeByName } from './fields.js';

export interface CslPaper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string;
}

export const CSL_FILE = fileURLToPath(new URL('./data/csl-papers-1000.jsonl', import.meta.url));

export function readCslPapers(file = CSL_FILE): CslPaper[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CslPaper);
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
function subset<T>(rnd: () => number, xs: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rnd() * (max - min + 1));
  return [...xs].sort(() => rnd() - 0.5).slice(0, n);
}
/** Log-uniform amount in fen between two amounts in 万元, rounded to 1,000 元. */
function amountFen(rnd: () => number, minWan: number, maxWan: number): number {
  const wan = Math.exp(Math.log(minWan) + rnd() * (Math.log(maxWan) - Math.log(minWan)));
  return Math.round((wan * 10_000) / 1000) * 1000 * 100;
}

function patentNumber(rnd: () => number, year: number): string {
  const digits = `${year}1${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
  return `${digits}.${patentCheckChar(digits)}`;
}

/** CSL keywords, trimmed to what the filing form accepts (≤ 30 characters each). */
const demoKeywords = (p: CslPaper, n: number) => p.keywords.filter((k) => k.trim() && k.length <= 30).slice(0, n);

export interface SeedOrg {
  id: string;
  name: string;
  regionCode: string;
}

/** Inserts one record as the seed does (search vector, audit entry); benchmarks use it too. */
export async function insertRecord(
  tx: Tx,
  actor: Actor,
  kind: 'achievement' | 'demand',
  org: SeedOrg,
  input: AchievementInput | DemandInput,
  status: string,
  at: Date,
) {
  const id = newId();
  const table = kind === 'achievement' ? achievements : demands;
  const published = status === 'published';
  const values = {
    id,
    organizationId: org.id,
    regionCode: org.regionCode,
    status,
    ...columnsFor(kind, input as never),
    searchVector: indexedText(kind, input, org.name),
    submittedAt: status === 'draft' ? null : at,
    publishedAt: published ? at : null,
    createdAt: at,
    updatedAt: at,
  };
  await tx.insert(table).values(values as never);
  await writeAudit(tx, actor, {
    action: `${kind}.create`,
    entity: kind,
    entityId: id,
    organizationId: org.id,
    after: { title: input.title, status },
  });
  return id;
}

/** The demo's papers: those of technology disciplines only (demo-text.ts says which). */
export const technologyPapers = (papers = readCslPapers()): CslPaper[] =>
  papers.filter((p) => isTechnologyPaper(p, fieldCodeByName.get(p.discipline)));

const wanText = (fen: number) => `${Math.round(fen / 1_000_000)}万元`;

/**
 * Demo achievements from the CSL papers of technology disciplines (title, abstract as summary,
 * keywords, discipline; problem solved and advantage from the abstract), owned by demo universities
 * and institutes across Tianjin's districts, with TRLs and prices plausible for their field; and
 * demands from demo enterprises, written as a need from the same papers' technology keywords, with
 * budgets, working-day deadlines and the enterprise's district.
 */
export async function seedCatalogDemo(
  tx: Tx,
  actor: Actor,
  owners: SeedOrg[],
  enterprises: SeedOrg[],
  demandCount = 300,
  papers = technologyPapers(),
) {
  const rnd = createRandom(20171130);
  const base = Date.UTC(2026, 0, 5);
  const today = localDateOf(clock.now());
  let published = 0;
  const publishedByField = new Map<string, string[]>();
  for (const [i, p] of papers.entries()) {
    const fieldCode = fieldCodeByName.get(p.discipline)!;
    const negotiable = rnd() < 0.2;
    const [trlMin, trlMax] = TRL_RANGE[fieldGroup(fieldCode)];
    const trl = trlMin + Math.floor(rnd() * (trlMax - trlMin + 1));
    const [lo, hi] = priceRangeWan(trl, fieldCode);
    const input = AchievementInput.parse({
      title: p.title.slice(0, 200),
      summary: p.abstract.slice(0, 5000),
      problemSolved: problemFromAbstract(p),
      advantage: advantageFromAbstract(p),
      fieldCode,
      keywords: demoKeywords(p, 10),
      trl,
      ipAssets:
        rnd() < 0.6
          ? [{ kind: 'invention_patent', number: patentNumber(rnd, 2015 + Math.floor(rnd() * 10)), title: p.title.slice(0, 60) }]
          : [],
      transferModes: subset(rnd, TRANSFER_MODES, 1, 3) as TransferMode[],
      priceFen: negotiable ? null : amountFen(rnd, lo, hi),
      priceNegotiable: negotiable,
      publicFunding: rnd() < 0.4,
      team: [{ name: `课题组${(i % 97) + 1}`, title: '负责人' }],
      contacts: [{ name: '技术转移办公室', phone: `022-2740${String(1000 + (i % 9000)).slice(-4)}` }],
    });
    // A few wait for review or sit in drafts, so the workspace has something to show (not when benchmarking: demandCount 0).
    const status = demandCount > 0 && i < 10 ? 'submitted' : demandCount > 0 && i < 14 ? 'draft' : 'published';
    const id = await insertRecord(tx, actor, 'achievement', pick(rnd, owners), input, status, new Date(base + i * 6 * 3600_000));
    if (status === 'published') {
      published++;
      publishedByField.set(input.fieldCode, [...(publishedByField.get(input.fieldCode) ?? []), id]);
    }
  }
  const sources = papers.filter((p) => technologyKeywords(p).length > 0);
  for (let i = 0; i < demandCount && sources.length > 0; i++) {
    const p = pick(rnd, sources);
    const fieldCode = fieldCodeByName.get(p.discipline)!;
    const negotiable = rnd() < 0.25;
    const [lo, hi] = priceRangeWan(5, fieldCode);
    const min = amountFen(rnd, lo, hi);
    const max = min * (2 + Math.floor(rnd() * 3));
    const modes = subset(rnd, TRANSFER_MODES, 1, 3) as TransferMode[];
    const deadline = addWorkingDays(today, 20 + Math.floor(rnd() * 100));
    const input = DemandInput.parse({
      title: demandTitle(pick(rnd, NEED_VERBS), p)!,
      summary: demandSummary(p, {
        budget: negotiable ? '面议' : `${wanText(min)}至${wanText(max)}`,
        deadline,
        modes: modes.map((m) => TRANSFER_MODE_LABELS[m].zh).join('、'),
      }),
      fieldCode,
      keywords: technologyKeywords(p).slice(0, 5),
      budgetMinFen: negotiable ? null : min,
      budgetMaxFen: negotiable ? null : max,
      budgetNegotiable: negotiable,
      cooperationModes: modes,
      trlMin: rnd() < 0.6 ? 4 + Math.floor(rnd() * 4) : null,
      deadline,
      contacts: [{ name: '技术部', phone: `022-6620${String(1000 + i).slice(-4)}` }],
    });
    const status = i < 5 ? 'submitted' : 'published';
    await insertRecord(tx, actor, 'demand', pick(rnd, enterprises), input, status, new Date(base + i * 20 * 3600_000));
  }
  const lists = [
    {
      kind: 'public_interest_catalogue',
      title: '公益性技术成果指导目录（2026年）',
      keyArea: '生态环境与民生',
      fields: ['D37', 'D47', 'D39', 'D41', 'D44', 'D48'],
      n: 18,
    },
    { kind: 'package', title: '新材料科技成果包', keyArea: '新材料', fields: ['D15', 'D16', 'D03'], n: 12 },
    { kind: 'package', title: '智能制造科技成果包', keyArea: '高端装备与智能制造', fields: ['D13', 'D21', 'D22', 'D19'], n: 12 },
  ];
  for (const l of demandCount > 0 ? lists : []) {
    const id = newId();
    const ids = l.fields.flatMap((f) => (publishedByField.get(f) ?? []).slice(0, Math.ceil(l.n / l.fields.length))).slice(0, l.n);
    await tx.insert(curatedLists).values({
      id,
      kind: l.kind,
      title: l.title,
      keyArea: l.keyArea,
      description: `${l.keyArea}领域精选成果，供企业对接参考。`,
      published: true,
    });
    await tx.insert(curatedListItems).values(ids.map((achievementId, sort) => ({ listId: id, achievementId, sort })));
    await writeAudit(tx, actor, {
      action: 'curated_list.create',
      entity: 'curated_list',
      entityId: id,
      after: { title: l.title, achievementIds: ids },
    });
  }
  return { achievements: papers.length, publishedAchievements: published, demands: demandCount };
}
