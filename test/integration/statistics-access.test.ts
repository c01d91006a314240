import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenDataView, OverviewView, TargetListView, TargetView, TopView } from '../../common/api/statistics.js';
import type { FieldError } from '../../common/problems.js';
import { queryRows } from '../../server/db/client.js';
import { putContractFact, type ContractFact } from '../../server/modules/statistics/facts.js';
import { createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * Who sees which statistics (officers their region subtree, admins and registrars everything, others
 * nothing), open data that never shows a single contract, targets with progress, the xlsx export.
 */
const t = useTestApp();
let admin: LoggedIn;
let cityOfficer: LoggedIn;
let binhaiOfficer: LoggedIn;
let hepingOfficer: LoggedIn;
let registrar: LoggedIn;
let member: LoggedIn;

const party = (regionCode: string | null, name: string, country = 'CN') => ({
  organizationId: null,
  name,
  organizationType: 'enterprise',
  regionCode,
  country,
});
let seq = 0;
function fact(seller: string, buyer: string, amountFen: number, at = '2025-06-15T04:00:00Z'): ContractFact {
  seq += 1;
  return {
    contractId: randomUUID(),
    registrationNumber: `2025120116${String(seq).padStart(6, '0')}`,
    type: seq % 2 ? 'development' : 'transfer',
    subtype: seq % 2 ? 'commissioned' : 'patent_right',
    fieldCode: null,
    certifiedAt: new Date(at),
    signedOn: '2025-06-01',
    contractAmountFen: amountFen,
    technologyTransactionAmountFen: amountFen - 100,
    seller: party(seller, `卖方单位${seller}-${seq % 4}`),
    buyer: party(buyer, `买方单位${buyer}-${seq % 3}`),
    registrationOrganizationId: null,
    brokerUserId: null,
    brokerName: null,
    intermediaryOrganizationId: null,
    dealId: null,
  };
}

async function put(...list: ContractFact[]) {
  for (const f of list) await t.db.transaction((tx) => putContractFact(tx, f));
}
const fields = (body: string) => ((JSON.parse(body) as { errors?: FieldError[] }).errors ?? []).map((e) => e.field);

beforeAll(async () => {
  if (!t.app) return;
  admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
  cityOfficer = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120000' }));
  binhaiOfficer = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120116' }));
  hepingOfficer = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120101' }));
  registrar = await loginAs(t.app, await createUser(t.db, { role: 'registrar' }));
  member = await loginAs(t.app, await createUser(t.db, { role: 'org_member' }));
  // 滨海新区 (incl. a park) sells 10 contracts, 和平区 4, a Beijing seller 1 to a Tianjin buyer; one
  // contract in 红桥区 alone.
  await put(
    ...Array.from({ length: 8 }, (_, i) => fact('120116', '110000', 1_000_000 * (i + 1))),
    fact('12011601', '130000', 50_000_000),
    fact('12011601', '120101', 7_000_000),
    ...Array.from({ length: 4 }, (_, i) => fact('120101', '440000', 2_000_000 * (i + 1))),
    fact('110000', '120116', 9_000_000),
    fact('120106', '310000', 123_456_789),
  );
});

describe('region scope', () => {
  it('a district officer sees their district by default and nothing outside it (404)', async () => {
    const res = await binhaiOfficer.inject({ method: 'GET', url: '/api/statistics/overview?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as OverviewView;
    expect(o.definition.region.code).toBe('120116');
    expect(o.output.contracts).toBe(10);
    expect(o.absorption.contracts).toBe(1);
    expect(o.scope.root.code).toBe('120116');
    for (const url of [
      '/api/statistics/overview?region=120101',
      '/api/statistics/overview?region=120000',
      '/api/statistics/top?region=110000',
      '/api/statistics/flows?region=120106',
    ]) {
      const r = await binhaiOfficer.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
    }
    // A park inside the district is in scope.
    const park = (
      await binhaiOfficer.inject({ method: 'GET', url: '/api/statistics/overview?region=12011601&year=2025' })
    ).json() as OverviewView;
    expect(park.output.contracts).toBe(2);
  });

  it("a district officer's rankings list only organisations of their district", async () => {
    const top = (await binhaiOfficer.inject({ method: 'GET', url: '/api/statistics/top?year=2025&limit=100' })).json() as TopView;
    expect(top.rows.length).toBeGreaterThan(0);
    for (const r of top.rows) expect(r.name).toMatch(/^卖方单位1201160?1?/);
    expect(top.rows.reduce((a, r) => a + r.contracts, 0)).toBe(10);
  });

  it('the city officer, registrars and admins see the whole city; others are refused', async () => {
    for (const s of [cityOfficer, registrar, admin]) {
      const o = (await s.inject({ method: 'GET', url: '/api/statistics/overview?year=2025' })).json() as OverviewView;
      expect(o.definition.region.code).toBe('120000');
      expect(o.output.contracts).toBe(15);
      expect(o.absorption.contracts).toBe(2);
    }
    expect((await cityOfficer.inject({ method: 'GET', url: '/api/statistics/overview?region=110000' })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/statistics/overview?region=110000&year=2025' })).json()).toMatchObject({
      output: { contracts: 1 },
    });
    expect((await member.inject({ method: 'GET', url: '/api/statistics/overview' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/statistics/overview' })).statusCode).toBe(401);
  });

  it('bad parameters name the field', async () => {
    for (const [url, field] of [
      ['/api/statistics/overview?region=12', 'querystring.region'],
      ['/api/statistics/breakdown?dimension=colour', 'querystring.dimension'],
      ['/api/statistics/breakdown?dimension=field&month=3', 'query.month'],
      ['/api/statistics/trend?from=2020&to=2010', 'query.from'],
      ['/api/statistics/overview?year=abc', 'querystring.year'],
    ] as const) {
      const res = await admin.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(fields(res.body), url).toContain(field);
    }
  });
});

describe('open data', () => {
  it('is public, aggregated, and never shows a cell of fewer than 3 contracts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/open-data/statistics?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as OpenDataView;
    expect(view.minContractsPerCell).toBe(3);
    for (const c of view.cells) if (c.contracts !== null) expect(c.contracts === 0 || c.contracts >= 3, `${c.table} ${c.key}`).toBe(true);
    const cell = (table: string, side: string, key: string) =>
      view.cells.find((c) => c.table === table && c.side === side && c.key === key)!;
    expect(cell('district', 'output', '120116')).toMatchObject({ contracts: 10, suppressed: false });
    // 红桥区 has one contract: withheld, and so is the next smallest district (和平区, 4), or the
    // city total would give 红桥区's amount away.
    expect(cell('district', 'output', '120106')).toMatchObject({ contracts: null, contractAmountFen: null, suppressed: true });
    expect(cell('district', 'output', '120101')).toMatchObject({ contracts: null, suppressed: true });
    expect(
      view.cells
        .filter((c) => c.table === 'district' && c.side === 'output' && c.suppressed)
        .map((c) => c.key)
        .sort(),
    ).toEqual(['120101', '120106']);
    expect(cell('year', 'output', '2025')).toMatchObject({ contracts: 15 });
    // No registration number, party name or amount of a single contract anywhere.
    expect(res.body).not.toMatch(/2025120116\d{6}/);
    expect(res.body).not.toContain('卖方单位');
    expect(res.body).not.toContain('123456789');
  });

  it('no withheld cell can be worked out by adding and subtracting published cells across tables and sides', async () => {
    const view = (await t.app.inject({ method: 'GET', url: '/api/open-data/statistics?year=2025' })).json() as OpenDataView;
    const cells = view.cells.filter((c) => c.table !== 'year' || c.year === 2025);
    const idx = (pred: (c: (typeof cells)[number]) => boolean) => cells.flatMap((c, i) => (pred(c) ? [i] : []));
    // What a reader knows: each table of a side adds up to the side's total; "within" is the same contracts on both sides.
    const relations: Array<Array<[number, number]>> = [];
    for (const side of ['output', 'absorption']) {
      const total = idx((c) => c.table === 'year' && c.side === side)[0]!;
      for (const table of ['district', 'type', 'flow'])
        relations.push([...idx((c) => c.table === table && c.side === side).map((i): [number, number] => [i, 1]), [total, -1]]);
    }
    relations.push([
      [idx((c) => c.table === 'flow' && c.side === 'output' && c.key === 'within')[0]!, 1],
      [idx((c) => c.table === 'flow' && c.side === 'absorption' && c.key === 'within')[0]!, -1],
    ]);
    const hidden = new Set(idx((c) => c.suppressed));
    expect(hidden.size).toBeGreaterThan(0);
    for (let code = 1; code < 3 ** relations.length; code++) {
      const weight = new Map<number, number>();
      let rest = code;
      for (const r of relations) {
        const k = (rest % 3) - 1;
        rest = Math.floor(rest / 3);
        if (k) for (const [i, coef] of r) weight.set(i, (weight.get(i) ?? 0) + k * coef);
      }
      const unknown = [...weight].filter(([i, w]) => w !== 0 && hidden.has(i));
      expect(
        unknown.length,
        `combination ${code} gives away ${unknown.map(([i]) => `${cells[i]!.table}/${cells[i]!.side}/${cells[i]!.key}`)}`,
      ).not.toBe(1);
    }
  });

  it('as CSV with the same cells', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/open-data/statistics.csv?year=2025' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('table,year,side,key,label,contracts,contract_amount_fen,technology_transaction_amount_fen,suppressed');
    expect(lines).toContain('district,2025,output,120106,红桥区,,,,true');
    const json = (await t.app.inject({ method: 'GET', url: '/api/open-data/statistics?year=2025' })).json() as OpenDataView;
    expect(lines).toHaveLength(json.cells.length + 1);
  });
});

describe('targets', () => {
  it('a district officer sets a target in their district and sees progress; outside it is refused', async () => {
    const res = await binhaiOfficer.inject({
      method: 'PUT',
      url: '/api/statistics/targets',
      payload: { year: 2025, regionCode: '120116', side: 'output', metric: 'contract_amount', value: 200_000_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const target = res.json() as TargetView;
    const expected = Array.from({ length: 8 }, (_, i) => 1_000_000 * (i + 1)).reduce((a, b) => a + b, 0) + 57_000_000;
    expect(target.actual).toBe(expected);
    expect(target.progress).toBeCloseTo(expected / 200_000_000, 4);
    expect(target.actions).toEqual(['update', 'delete']);
    expect(target.definition.zh).toContain('合同成交额');

    const again = (
      await binhaiOfficer.inject({
        method: 'PUT',
        url: '/api/statistics/targets',
        payload: { year: 2025, regionCode: '120116', side: 'output', metric: 'contract_amount', value: 100_000_000 },
      })
    ).json() as TargetView;
    expect(again.id).toBe(target.id);
    expect(again.value).toBe(100_000_000);

    const outside = await binhaiOfficer.inject({
      method: 'PUT',
      url: '/api/statistics/targets',
      payload: { year: 2025, regionCode: '120101', metric: 'contracts', value: 10 },
    });
    expect(outside.statusCode).toBe(400);
    expect(fields(outside.body)).toEqual(['body.regionCode']);
    const bad = await binhaiOfficer.inject({
      method: 'PUT',
      url: '/api/statistics/targets',
      payload: { year: 2025, regionCode: '120116', metric: 'contracts', value: -1 },
    });
    expect(fields(bad.body)).toEqual(['body.value']);
    expect(
      (
        await registrar.inject({
          method: 'PUT',
          url: '/api/statistics/targets',
          payload: { year: 2025, regionCode: '120116', metric: 'contracts', value: 10 },
        })
      ).statusCode,
    ).toBe(403);

    const audit = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE entity_id = ${target.id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['statistics.target.create', 'statistics.target.update']);
  });

  it('the city officer sees district targets; another district officer neither sees nor deletes them', async () => {
    const list = (await cityOfficer.inject({ method: 'GET', url: '/api/statistics/targets?year=2025' })).json() as TargetListView;
    const binhai = list.items.find((x) => x.region.code === '120116')!;
    expect(binhai).toBeDefined();
    expect(list.canSetTargets).toBe(true);
    const heping = (await hepingOfficer.inject({ method: 'GET', url: '/api/statistics/targets?year=2025' })).json() as TargetListView;
    expect(heping.items).toHaveLength(0);
    expect((await hepingOfficer.inject({ method: 'DELETE', url: `/api/statistics/targets/${binhai.id}` })).statusCode).toBe(404);
    const regList = (await registrar.inject({ method: 'GET', url: '/api/statistics/targets?year=2025' })).json() as TargetListView;
    expect(regList.items.find((x) => x.id === binhai.id)!.actions).toEqual([]);
    expect((await cityOfficer.inject({ method: 'DELETE', url: `/api/statistics/targets/${binhai.id}` })).statusCode).toBe(204);
    const after = (await cityOfficer.inject({ method: 'GET', url: '/api/statistics/targets?year=2025' })).json() as TargetListView;
    expect(after.items.find((x) => x.id === binhai.id)).toBeUndefined();
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`SELECT action FROM audit_log WHERE entity_id = ${binhai.id} ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit[0]!.action).toBe('statistics.target.delete');
  });
});

describe('xlsx export for third-party evaluation', () => {
  it('holds the definitions and the same figures as the dashboard', async () => {
    const res = await binhaiOfficer.inject({ method: 'GET', url: '/api/statistics/export.xlsx?year=2025' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['说明', '概览', '年度趋势', '月度', '按合同类型', '按区域', '技术流向', '单位排名', '目标']),
    );
    const about = wb.getWorksheet('说明')!;
    expect(String(about.getCell('B1').value)).toContain('滨海新区');
    const overview = wb.getWorksheet('概览')!;
    expect(overview.getRow(2).values).toEqual(expect.arrayContaining(['技术输出', 2025, 10]));
  });
});
