// npm run stats:reproduce -- --year 2023 — a check a statistician can trust: generates the full,
// unscaled set of Tianjin's seller-side contracts of that year (2023: 14,854 contracts,
// 19,285,572 万元) into a scratch database, runs every one through the contracts module as people
// would (the seller applies, uploads the signed scan and submits; the registrar records the expert
// review when the amount needs one and certifies), then prints the dashboard's totals — from the
// statistics service — beside the yearbook's. Exits 1 when count or amount differ.
// Scratch database: PGlite in a temp directory (default), or DATABASE_URL (it must be empty).
// Options: --year Y (default 2023), --concurrency N (PostgreSQL, default 6), --limit N (first N only: a quick look; then the check is skipped).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { count } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { ContractInput } from '../../common/api/contracts.js';
import { migrateDatabase, openPostgres, type Database, type Db } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { users } from '../modules/identity/schema.js';
import { organizations, regions } from '../modules/organizations/schema.js';
import { PLATFORM_CITY } from '../db/seed/regions.js';
import { seedReferenceData } from '../db/setup.js';
import { buildUserActor, systemActor, type Actor } from '../lib/actor.js';
import { writeAudit } from '../lib/audit.js';
import { clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { createRandom } from '../lib/random.js';
import { addAttachment, createContract, openExpertPanel, recordExpertReview, transitionContract } from '../modules/contracts/service.js';
import { submitScores } from '../modules/experts/panels.js';
import { createExpert } from '../modules/experts/service.js';
import { effectiveGrants, loadGrantRows } from '../modules/identity/grants.js';
import { assignRole } from '../modules/identity/roles.js';
import { createUser } from '../modules/identity/service.js';
import { getOverview } from '../modules/statistics/service.js';
import { DEMO_ASSUMPTIONS, planCity, type PlannedContract } from '../modules/statistics/synthetic.js';
import {
  counterpartOf,
  datesOf,
  fieldOf,
  skewedIndex,
  syntheticOrganization,
  type SyntheticParty,
} from '../modules/statistics/synthetic-parties.js';
import { readYearbook, yearbookFigure } from '../modules/statistics/yearbook.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const year = Number(arg('year', '2023'));
const limit = Number(arg('limit', '0'));
const CITY = PLATFORM_CITY.code;
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const started = performance.now();
const log = (...a: unknown[]) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)}s]`, ...a);

/** A scratch PGlite (no fsync: nothing here needs to survive a crash). */
async function openScratchPglite(dir: string): Promise<Database> {
  const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  return { db: drizzle(pglite, { schema }) as unknown as Db, kind: 'pglite', pglite, close: () => pglite.close() };
}

async function actorOf(db: Db, user: { id: string; email: string }): Promise<Actor> {
  const rows = (await loadGrantRows(db, [user.id])).get(user.id) ?? [];
  return buildUserActor({ userId: user.id, email: user.email, grants: effectiveGrants(rows), via: 'session' });
}

/** The registration point and its registrar, the sellers of the city and one applicant who is a member of each. */
async function setUp(db: Db) {
  const system = systemActor('stats:reproduce');
  const sellers = Object.entries(DEMO_ASSUMPTIONS.districts).flatMap(([district, w], d) =>
    Array.from({ length: Math.max(20, Math.round(1500 * w)) }, (_, k) => syntheticOrganization('天津', district, d * 1000 + k, 'MD')),
  );
  const point = {
    id: newId(),
    type: 'government',
    name: '天津市技术合同登记站（统计复核）',
    creditCode: syntheticOrganization('天津', '120103', 99_999, 'MG').creditCode!,
    regionCode: '120103',
    status: 'active',
  };
  const orgRows = sellers.map((s) => ({
    id: newId(),
    type: s.organizationType,
    name: s.name,
    creditCode: s.creditCode!,
    regionCode: s.regionCode!,
    status: 'active',
  }));
  const applicantId = await db.transaction(async (tx) => {
    await tx.insert(organizations).values([point, ...orgRows]);
    await writeAudit(tx, system, {
      action: 'organization.reproduce_seed',
      entity: 'organization',
      entityId: point.id,
      after: { organizations: orgRows.length + 1 },
    });
    const registrar = await createUser(tx, { email: 'registrar@reproduce.local', name: '复核登记员', password: 'reproduce-only-2026' });
    await assignRole(tx, system, { userId: registrar.id, role: 'registrar', organizationId: point.id });
    const applicant = await createUser(tx, { email: 'applicant@reproduce.local', name: '复核申请人', password: 'reproduce-only-2026' });
    for (const o of orgRows) await assignRole(tx, system, { userId: applicant.id, role: 'org_member', organizationId: o.id });
    const reviewer = await createUser(tx, { email: 'reviewer@reproduce.local', name: '复核评审专家', password: 'reproduce-only-2026' });
    await assignRole(tx, system, { userId: reviewer.id, role: 'expert', organizationId: point.id });
    return applicant.id;
  });
  const people = await db.select({ id: users.id, email: users.email }).from(users);
  const registrar = await actorOf(
    db,
    people.find((u) => u.email.startsWith('registrar'))!,
  );
  const applicant = await actorOf(
    db,
    people.find((u) => u.id === applicantId)!,
  );
  const byDistrict = new Map<string, Array<SyntheticParty & { id: string }>>();
  orgRows.forEach((o, i) =>
    byDistrict.set(o.regionCode.slice(0, 6), [...(byDistrict.get(o.regionCode.slice(0, 6)) ?? []), { ...sellers[i]!, id: o.id }]),
  );
  // One expert in the pool, so applications at or above the threshold get their expert review on the panel engine.
  const reviewerUser = people.find((u) => u.email.startsWith('reviewer'))!;
  await createExpert({
    db,
    actor: system,
    input: { userId: reviewerUser.id, name: '复核评审专家', title: '研究员', fieldCodes: ['D15'], keywords: '', available: true },
  });
  const reviewer = await actorOf(db, reviewerUser);
  return { point, registrar, applicant, reviewer, byDistrict };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

function inputOf(c: PlannedContract, s: Setup, provinceName: (code: string) => string, i: number) {
  const pool = (district: string) => s.byDistrict.get(district)!;
  const seller = pool(c.seller.code)[skewedIndex(c.draws[0], pool(c.seller.code).length)]!;
  const buyer =
    c.buyer.where === 'city'
      ? pool(c.buyer.code)[skewedIndex(c.draws[1], pool(c.buyer.code).length)]!
      : counterpartOf(c.buyer, c.draws[1], provinceName);
  const { signedOn } = datesOf(c, c.draws[2]);
  const party = (p: SyntheticParty, id: string | null) => ({
    name: p.name,
    creditCode: p.creditCode,
    organizationId: id,
    organizationType: p.organizationType,
    regionCode: p.regionCode,
    country: p.country,
  });
  const deducted = c.amountFen - c.technologyTransactionAmountFen;
  const input = ContractInput.parse({
    type: c.type,
    subtype: c.subtype,
    title: `${year}年技术合同（复核 ${i + 1}）`,
    subject: `${seller.name}向${buyer.name}提供技术成果与服务（统计复核数据）。`,
    fieldCode: fieldOf(c.draws[1]),
    signedOn,
    seller: party(seller, seller.id),
    buyer: party(buyer, 'id' in buyer ? (buyer as { id: string }).id : null),
    contractAmountFen: c.amountFen,
    nonTechnicalCosts:
      deducted > 0
        ? [{ kind: 'equipment', description: '随技术交付的设备', amountFen: deducted, note: '非技术性款项，按合同约定价计' }]
        : [],
    registrationOrganizationId: s.point.id,
  });
  return { input, sellerOrgId: seller.id };
}

/** Applies, submits and certifies one planned contract through the contracts module's services. */
async function register(db: Db, s: Setup, input: ContractInput, sellerOrgId: string) {
  const draft = await createContract({ db, actor: s.applicant, input, organizationId: sellerOrgId });
  await addAttachment({
    db,
    actor: s.applicant,
    id: draft.row.id,
    query: { kind: 'signed_contract', name: '合同扫描件.pdf' },
    contentType: 'application/pdf',
    body: SCAN,
  });
  const submitted = await transitionContract({ db, actor: s.applicant, id: draft.row.id, body: { action: 'submit' } });
  if (submitted.row.expertReviewRequired) {
    const panel = await openExpertPanel({ db, actor: s.registrar, id: draft.row.id, input: { size: 1, fieldCode: null } });
    const scores = { technical_nature: 36, type_and_terms: 18, amount: 27, authenticity: 9 };
    await db.transaction((tx) => submitScores(tx, s.reviewer, panel.id, { scores }));
    await recordExpertReview({ db, actor: s.registrar, id: draft.row.id, input: { opinion: '属于技术合同，技术交易额核定无误。' } });
  }
  await transitionContract({ db, actor: s.registrar, id: draft.row.id, body: { action: 'certify' } });
}

const dir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(os.tmpdir(), 'jq-stats-reproduce-'));
const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL, 12) : await openScratchPglite(dir!);
let exitCode = 0;
try {
  const { db } = database;
  await migrateDatabase(database);
  const [{ n }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
  if (Number(n) > 0) throw new Error('DATABASE_URL is not an empty scratch database (it has users): refusing to write into it');
  await seedReferenceData(db);
  log(`scratch database: ${dir ?? 'DATABASE_URL'} (${database.kind})`);
  const rows = readYearbook();
  const official = yearbookFigure(rows, CITY, year, 'output');
  if (!official?.contracts || !official.amountFen) throw new Error(`the yearbook has no Tianjin output figure for ${year}`);
  let plan = planCity({ rows, city: CITY, factor: 1, rnd: createRandom(year), years: [year] }).filter((c) => c.seller.where === 'city');
  if (limit > 0) plan = plan.slice(0, limit);
  const setup = await setUp(db);
  const provinces = new Map((await db.select({ code: regions.code, name: regions.name }).from(regions)).map((r) => [r.code, r.name]));
  log(
    `${plan.length} contracts to apply, submit and certify (${setup.byDistrict.size} districts, ${[...setup.byDistrict.values()].flat().length} sellers)`,
  );

  // Day by day, so certification dates (the statistics period) are those of the plan; within a day in parallel on PostgreSQL.
  const concurrency = database.kind === 'postgres' ? Number(arg('concurrency', '6')) : 1;
  const days = new Map<string, Array<{ c: PlannedContract; i: number }>>();
  plan.forEach((c, i) => {
    const key = `${c.month}-${c.day}`;
    days.set(key, [...(days.get(key) ?? []), { c, i }]);
  });
  let done = 0;
  const t0 = performance.now();
  for (const items of days.values()) {
    const day = datesOf(items[0]!.c, 0).certifiedAt;
    clock.reset();
    clock.advance(day.getTime() - Date.now());
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const { c, i } = items[next++]!;
        const { input, sellerOrgId } = inputOf(c, setup, (code) => provinces.get(code) ?? code, i);
        await register(db, setup, input, sellerOrgId);
        if (++done % 500 === 0) log(`  ${done}/${plan.length} certified (${((performance.now() - t0) / done).toFixed(1)} ms each)`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  clock.reset();
  log(`all ${done} certified in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const o = await getOverview({ db, actor: systemActor('stats:reproduce'), query: { region: CITY, year } });
  const expected =
    limit > 0
      ? { contracts: plan.length, amountFen: plan.reduce((a, c) => a + c.amountFen, 0) }
      : { contracts: official.contracts, amountFen: official.amountFen };
  const wan = (fen: number) => `${(fen / 1e6).toLocaleString('en-US', { maximumFractionDigits: 6 })} 万元`;
  console.log(`\n天津市 ${year} 技术输出（卖方在天津，按认定登记日期）`);
  console.log(`                       ${'contracts'.padStart(10)}  ${'合同成交额 contract amount'.padStart(34)}`);
  console.log(
    `yearbook (统计年鉴)    ${String(official.contracts).padStart(10)}  ${wan(official.amountFen).padStart(22)}  (${official.amountFen} fen)`,
  );
  if (limit > 0)
    console.log(
      `planned (--limit)      ${String(expected.contracts).padStart(10)}  ${wan(expected.amountFen).padStart(22)}  (${expected.amountFen} fen)`,
    );
  console.log(
    `dashboard (statistics)${String(o.output.contracts).padStart(11)}  ${wan(o.output.contractAmountFen).padStart(22)}  (${o.output.contractAmountFen} fen)`,
  );
  const same = o.output.contracts === expected.contracts && o.output.contractAmountFen === expected.amountFen;
  console.log(same ? 'MATCH: count and amount are equal to the fen' : 'MISMATCH');
  console.log(
    JSON.stringify({
      year,
      yearbookContracts: official.contracts,
      yearbookAmountFen: official.amountFen,
      dashboardContracts: o.output.contracts,
      dashboardAmountFen: o.output.contractAmountFen,
      dashboardTechnologyTransactionAmountFen: o.output.technologyTransactionAmountFen,
      match: same,
      limit: limit || null,
      seconds: Math.round((performance.now() - started) / 1000),
    }),
  );
  if (!same) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 2;
} finally {
  await database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
