import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownView, FlowsView, OverviewView, RegionsView, TopView, Totals, TrendView } from '../../common/api/statistics.js';
import { CONTRACT_SUBTYPES, CONTRACT_TYPES, type ContractType } from '../../common/contracts.js';
import { queryRows } from '../../server/db/client.js';
import { createRandom } from '../../server/lib/random.js';
import { dropContractFact, putContractFact, type ContractFact, type ContractParty } from '../../server/modules/statistics/facts.js';
import { rebuildRollups } from '../../server/modules/statistics/rollup.js';
import { createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * Statistics equal sums over the raw contracts after certifications, amendments and cancellations.
 * The oracle below recomputes every figure from the facts this test wrote (kept in a Map), with its
 * own rules for regions, periods and flow areas written out by hand; the dashboard answers through
 * HTTP. The rollups must also equal a rebuild from the facts table.
 */
const t = useTestApp();
let admin: LoggedIn;

const rnd = createRandom(20231231);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const TIANJIN = ['120101', '120103', '120104', '120116', '12011601', '12011603', '120111', '120114', '120000'];
const ELSEWHERE = ['110000', '130000', '310000', '440000', '320000', '510000'];
const ABROAD = ['US', 'DE', 'HK'];
const FIELDS = ['D15', 'D02', null];

type Org = ContractParty;
function makeOrgs(n: number, where: 'tianjin' | 'elsewhere'): Org[] {
  return Array.from({ length: n }, (_, i) => {
    const abroad = where === 'elsewhere' && i % 5 === 4;
    return {
      organizationId: i % 3 === 2 ? null : randomUUID(),
      name: `${where}-单位-${i}`,
      organizationType: pick(['university', 'research_institute', 'enterprise', 'individual']),
      regionCode: abroad
        ? null
        : where === 'tianjin'
          ? TIANJIN[i % TIANJIN.length]!
          : i % 7 === 6
            ? null
            : ELSEWHERE[i % ELSEWHERE.length]!,
      country: abroad ? ABROAD[i % ABROAD.length]! : 'CN',
    };
  });
}
const tianjinOrgs = makeOrgs(18, 'tianjin');
const otherOrgs = makeOrgs(14, 'elsewhere');
const BROKERS = [{ id: randomUUID(), name: '经纪人甲' }, { id: null, name: '经纪人乙' }, null, null];

function newFact(): ContractFact {
  const type = pick(CONTRACT_TYPES) as ContractType;
  const subs = CONTRACT_SUBTYPES[type] as readonly string[];
  const seller = rnd() < 0.7 ? pick(tianjinOrgs) : pick(otherOrgs);
  const buyer = rnd() < 0.5 ? pick(tianjinOrgs) : pick(otherOrgs);
  const amount = Math.floor(rnd() * 5e9) + 100;
  const broker = pick(BROKERS);
  // Around New Year, so the Beijing-time period matters: 2023-12-31 16:00Z is 2024-01-01 in Beijing.
  const certifiedAt = new Date(Date.UTC(2023, 11, 31, 16, 0) + Math.floor((rnd() - 0.5) * 86400_000 * 120));
  return {
    contractId: randomUUID(),
    registrationNumber: `T${Math.floor(rnd() * 1e12)}`,
    type,
    subtype: subs.length ? pick(subs) : null,
    fieldCode: pick(FIELDS),
    certifiedAt,
    signedOn: '2023-10-01',
    contractAmountFen: amount,
    technologyTransactionAmountFen: Math.floor(amount * rnd()),
    seller,
    buyer,
    registrationOrganizationId: null,
    brokerUserId: broker?.id ?? null,
    brokerName: broker?.name ?? null,
    intermediaryOrganizationId: null,
    dealId: null,
  };
}

// ---- the oracle ------------------------------------------------------------------------------
const facts = new Map<string, ContractFact>();
function pathOf(p: ContractParty): string {
  if (p.country !== 'CN') return `/abroad/${p.country}/`;
  if (!p.regionCode) return '/unknown/';
  if (p.regionCode === '120000') return '/120000/';
  if (p.regionCode.startsWith('1201'))
    return p.regionCode.length === 8 ? `/120000/${p.regionCode.slice(0, 6)}/${p.regionCode}/` : `/120000/${p.regionCode}/`;
  return `/${p.regionCode.slice(0, 2)}0000/`;
}
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000);
const yearOf = (f: ContractFact) => beijing(f.certifiedAt).getUTCFullYear();
const monthOf = (f: ContractFact) => beijing(f.certifiedAt).getUTCMonth() + 1;
const sidePath = (f: ContractFact, side: 'output' | 'absorption') => pathOf(side === 'output' ? f.seller : f.buyer);
const REGION_PATH: Record<string, string> = { '120000': '/120000/', '120116': '/120000/120116/' };
function sum(list: ContractFact[]): Totals {
  return {
    contracts: list.length,
    contractAmountFen: list.reduce((a, f) => a + f.contractAmountFen, 0),
    technologyTransactionAmountFen: list.reduce((a, f) => a + f.technologyTransactionAmountFen, 0),
  };
}
function groupSum(list: ContractFact[], key: (f: ContractFact) => string): Map<string, Totals> {
  const groups = new Map<string, ContractFact[]>();
  for (const f of list) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  return new Map([...groups].map(([k, v]) => [k, sum(v)]));
}
const inScope = (region: string, side: 'output' | 'absorption', year: number) =>
  [...facts.values()].filter((f) => yearOf(f) === year && sidePath(f, side).startsWith(REGION_PATH[region]!));
const totalsOf = (x: Totals) => ({
  contracts: x.contracts,
  contractAmountFen: x.contractAmountFen,
  technologyTransactionAmountFen: x.technologyTransactionAmountFen,
});
function oracleArea(regionPath: string, other: string): string {
  if (other.startsWith(regionPath)) return 'within';
  if (other.startsWith('/abroad/')) return 'abroad';
  if (other === '/unknown/') return 'unknown';
  if (regionPath !== '/120000/' && other.startsWith('/120000/')) return 'rest_of_city';
  if (other === '/110000/') return 'beijing';
  if (other === '/130000/') return 'hebei';
  return 'rest_of_china';
}

async function put(f: ContractFact) {
  await t.db.transaction((tx) => putContractFact(tx, f));
  facts.set(f.contractId, f);
}
async function drop(id: string) {
  await t.db.transaction((tx) => dropContractFact(tx, id));
  facts.delete(id);
}
async function get<T>(url: string): Promise<T> {
  const res = await admin.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

async function rollupSnapshot() {
  const out: Record<string, unknown[]> = {};
  for (const table of ['stats_yearly', 'stats_monthly', 'stats_dimensions', 'stats_flows', 'stats_parties']) {
    const rows = await queryRows<Record<string, unknown>>(t.db, sql.raw(`SELECT * FROM ${table} WHERE contracts <> 0`));
    out[table] = rows
      .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])))
      .sort();
  }
  return out;
}

beforeAll(async () => {
  if (!t.app) return;
  admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
  // Certify, amend and cancel in a random order.
  for (let i = 0; i < 260; i++) {
    const r = rnd();
    const ids = [...facts.keys()];
    if (r < 0.6 || ids.length < 5) await put(newFact());
    else if (r < 0.85) {
      const old = facts.get(pick(ids))!;
      const next = newFact();
      // An amendment keeps the contract and its registration; anything else may change.
      await put({
        ...next,
        contractId: old.contractId,
        registrationNumber: old.registrationNumber,
        certifiedAt: rnd() < 0.5 ? old.certifiedAt : next.certifiedAt,
      });
    } else await drop(pick(ids));
  }
  // Certifications and amendments at the same time, touching the same rollup rows.
  const ids = [...facts.keys()].slice(0, 10);
  const batch = [
    ...Array.from({ length: 12 }, () => newFact()),
    ...ids.map((id) => ({ ...facts.get(id)!, contractAmountFen: facts.get(id)!.contractAmountFen + 1 })),
  ];
  await Promise.all(batch.map((f) => put(f)));
});

describe('statistics from the rollups equal sums over the raw facts', () => {
  const years = [2023, 2024];
  const sides = ['output', 'absorption'] as const;

  it('the scenario is not trivial: both years, both sides, certifications, amendments and cancellations', () => {
    for (const y of years) for (const side of sides) expect(inScope('120000', side, y).length).toBeGreaterThan(10);
    expect(inScope('120116', 'output', 2024).length).toBeGreaterThan(3);
  });

  it('the facts table holds exactly the certified, non-cancelled contracts in their latest version', async () => {
    const rows = await queryRows<{ contract_id: string; contract_amount_fen: string | number }>(
      t.db,
      sql`SELECT contract_id, contract_amount_fen FROM contract_facts`,
    );
    expect(new Map(rows.map((r) => [r.contract_id, Number(r.contract_amount_fen)]))).toEqual(
      new Map([...facts].map(([id, f]) => [id, f.contractAmountFen])),
    );
  });

  it('overview: both sides, this and the previous year, by the Beijing-time certification year', async () => {
    for (const region of ['120000', '120116'])
      for (const year of years) {
        const o = await get<OverviewView>(`/api/statistics/overview?region=${region}&year=${year}`);
        for (const side of sides) {
          expect(o[side], `${region} ${year} ${side}`).toEqual(sum(inScope(region, side, year)));
          expect(o.previousYear[side]).toEqual(sum(inScope(region, side, year - 1)));
        }
        expect(o.definition.text.zh).toContain('认定登记日期（北京时间）');
        expect(o.definition.text.zh).toContain('技术交易额');
      }
  });

  it('breakdowns by type, subtype, field and organisation type', async () => {
    const keys: Record<string, (f: ContractFact, side: 'output' | 'absorption') => string> = {
      type: (f) => f.type,
      subtype: (f) => f.subtype ?? f.type,
      field: (f) => f.fieldCode ?? '',
      organization_type: (f, side) => (side === 'output' ? f.seller : f.buyer).organizationType,
    };
    for (const [dimension, key] of Object.entries(keys))
      for (const side of sides)
        for (const region of ['120000', '120116']) {
          const b = await get<BreakdownView>(`/api/statistics/breakdown?region=${region}&year=2024&side=${side}&dimension=${dimension}`);
          const expected = groupSum(inScope(region, side, 2024), (f) => key(f, side));
          expect(new Map(b.rows.map((r) => [r.key, totalsOf(r)])), `${dimension} ${side} ${region}`).toEqual(expected);
          expect(b.total).toEqual(sum(inScope(region, side, 2024)));
          expect(b.definition.side).toBe(side);
        }
  });

  it('a month of the year, by type', async () => {
    const b = await get<BreakdownView>('/api/statistics/breakdown?region=120000&year=2024&month=1&side=output&dimension=type');
    expect(new Map(b.rows.map((r) => [r.key, totalsOf(r)]))).toEqual(
      groupSum(
        inScope('120000', 'output', 2024).filter((f) => monthOf(f) === 1),
        (f) => f.type,
      ),
    );
  });

  it('yearly and monthly trends', async () => {
    for (const side of sides) {
      const y = await get<TrendView>(`/api/statistics/trend?region=120000&side=${side}&from=2022&to=2024`);
      expect(y.points.map((p) => [p.period, totalsOf(p)])).toEqual(
        [2022, 2023, 2024].map((yr) => [String(yr), sum(inScope('120000', side, yr))]),
      );
      const m = await get<TrendView>(`/api/statistics/trend?region=120000&side=${side}&from=2023&to=2024&granularity=month`);
      expect(m.points).toHaveLength(24);
      for (const p of m.points)
        expect(totalsOf(p), p.period).toEqual(sum(inScope('120000', side, p.year).filter((f) => monthOf(f) === p.month)));
    }
  });

  it('regions: every district of the city, parks folded into their district, city-level parties apart', async () => {
    for (const side of sides) {
      const r = await get<RegionsView>(`/api/statistics/regions?region=120000&year=2024&side=${side}`);
      expect(r.rows.filter((x) => x.drillable)).toHaveLength(16);
      const expected = groupSum(inScope('120000', side, 2024), (f) => sidePath(f, side).split('/')[2] || '120000');
      const got = new Map(r.rows.filter((x) => x.contracts > 0).map((x) => [x.code, totalsOf(x)]));
      expect(got).toEqual(expected);
      const binhai = await get<RegionsView>(`/api/statistics/regions?region=120116&year=2024&side=${side}`);
      expect(binhai.breadcrumb.map((b) => b.code)).toEqual(['120000', '120116']);
      expect(binhai.total).toEqual(sum(inScope('120116', side, 2024)));
    }
  });

  it('flows out of and into the city and a district, by area', async () => {
    for (const region of ['120000', '120116']) {
      const f = await get<FlowsView>(`/api/statistics/flows?region=${region}&year=2024`);
      const rp = REGION_PATH[region]!;
      const out = groupSum(inScope(region, 'output', 2024), (x) => oracleArea(rp, pathOf(x.buyer)));
      const inn = groupSum(inScope(region, 'absorption', 2024), (x) => oracleArea(rp, pathOf(x.seller)));
      expect(new Map(f.outflow.filter((x) => x.contracts).map((x) => [x.area, totalsOf(x)]))).toEqual(out);
      expect(new Map(f.inflow.filter((x) => x.contracts).map((x) => [x.area, totalsOf(x)]))).toEqual(inn);
    }
  });

  it('top organisations and brokers', async () => {
    for (const side of sides) {
      const list = inScope('120000', side, 2024);
      const orgs = groupSum(list, (f) => {
        const p = side === 'output' ? f.seller : f.buyer;
        return p.organizationId ?? `name:${p.name}`;
      });
      const top = await get<TopView>(`/api/statistics/top?region=120000&year=2024&side=${side}&limit=100`);
      expect(top.entries).toBe(orgs.size);
      expect(new Map(top.rows.map((r) => [r.key, totalsOf(r)]))).toEqual(orgs);
      const amounts = top.rows.map((r) => r.contractAmountFen);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      const brokers = groupSum(
        list.filter((f) => f.brokerName),
        (f) => f.brokerUserId ?? `name:${f.brokerName}`,
      );
      const tb = await get<TopView>(`/api/statistics/top?region=120000&year=2024&side=${side}&kind=broker&by=contracts`);
      expect(new Map(tb.rows.map((r) => [r.key, totalsOf(r)]))).toEqual(brokers);
    }
  });

  it('the incrementally kept rollups equal a rebuild from the facts', async () => {
    const incremental = await rollupSnapshot();
    await t.db.transaction((tx) => rebuildRollups(tx));
    expect(await rollupSnapshot()).toEqual(incremental);
  });

  it('a cancelled contract leaves no trace; re-certifying it counts it once', async () => {
    const f = newFact();
    const before = await get<OverviewView>(`/api/statistics/overview?region=120000&year=${yearOf(f)}`);
    await put(f);
    await put({ ...f, contractAmountFen: f.contractAmountFen + 500 });
    await drop(f.contractId);
    await drop(f.contractId); // a second cancellation changes nothing
    const after = await get<OverviewView>(`/api/statistics/overview?region=120000&year=${yearOf(f)}`);
    expect(after.output).toEqual(before.output);
    expect(after.absorption).toEqual(before.absorption);
  });
});
