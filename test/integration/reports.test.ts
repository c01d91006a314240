// The annual transformation report (科技成果转化年度报告): prefilled from the organisation's deals,
// registered contracts and achievements, reconciled to those records; filled in, submitted,
// returned, resubmitted and accepted by the supervising officer; exported. And S&T reports.
import ExcelJS from 'exceljs';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnnualReportView, SourceRecord, StReportView } from '../../common/api/reports.js';
import { addYears, organizationCodeOf } from '../../common/reports.js';
import { auditLog } from '../../server/lib/schema.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { createAchievement, createLoggedInUser, loginAs, createUser, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { dealSold, registeredContract, relogin, university } from './reports-fixtures.js';

const t = useTestApp();

const thisYear = () => Number(localDateOf(clock.now()).slice(0, 4));
/** Moves the clock into the filling window of the report on `year` (10 April of the next year). */
function intoWindowOf(year: number) {
  const ms = Date.parse(`${year + 1}-04-10T02:00:00Z`) - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
}
const open = (s: LoggedIn, year: number) => s.inject({ method: 'POST', url: '/api/annual-reports', payload: { year } });
const act = (s: LoggedIn, id: string, action: string, reason?: string) =>
  s.inject({ method: 'POST', url: `/api/annual-reports/${id}/transitions`, payload: { action, reason } });
const fields = (res: { json(): unknown }) => ((res.json() as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
const listIds = async (s: LoggedIn) =>
  ((await s.inject({ method: 'GET', url: '/api/annual-reports' })).json() as { items: Array<{ id: string }> }).items.map((i) => i.id);

const CONTENT = {
  work: { summary: '本年度完善了科技成果转化管理制度，设立技术转移中心，全年开展成果推介会 6 场。', problems: '专业技术经理人不足。' },
  achievements: { sourceNote: '国家级项目 3 项，天津市项目 2 项。' },
  transfers: { note: '' },
  cooperation: {
    coBuiltBodies: [{ name: '津沽—滨港智能装备联合实验室', partner: '天津滨港智能装备有限公司', kind: 'lab', establishedOn: null }],
    note: '',
  },
  distribution: {
    cashRewardFen: 52_000_000,
    equityRewardFen: 0,
    cashPersons: 12,
    equityPersons: 0,
    note: '按学校成果转化收益分配办法发放。',
  },
  policy: { implementation: '落实促进科技成果转化法及天津市相关规定，修订学校科技成果转化收益分配办法。', extraProjects: [] },
};

describe('annual transformation report', () => {
  it('prefills blocks 2–4 from the organisation’s achievements, deals and registered contracts, and reconciles every figure to them', async () => {
    const u = await university(t);
    const year = thisYear();
    const a = await dealSold(t, u, { priceFen: 150_000_000, transferMode: 'transfer', title: '高镍正极材料包覆技术专利转让' });
    const b = await dealSold(t, u, { priceFen: 30_000_000, transferMode: 'license_exclusive', title: '锂电池热管理算法独占许可' });
    const c = await dealSold(t, u, { priceFen: 200_000_000, transferMode: 'equity', title: '固态电解质技术作价投资' });
    const d = await dealSold(t, u, { priceFen: 50_000_000, transferMode: 'joint_development', title: '电池回收工艺合作开发' });
    await createAchievement(t.db, { by: u.member, status: 'published', input: { title: '财政资金支持的储能成果', publicFunding: true } });
    // A at a registered amount lower than the deal's price; C registered at its price; B and D never registered.
    const ca = await registeredContract(u, { contractAmountFen: 140_000_000, dealId: a.id });
    const cc = await registeredContract(u, { contractAmountFen: 200_000_000, dealId: c.id });
    // Off-platform deals, registered only.
    const e = await registeredContract(u, { type: 'service', subtype: 'general', contractAmountFen: 8_000_000 });
    const f = await registeredContract(u, { type: 'license', subtype: 'patent_license', contractAmountFen: 60_000_000 });
    // Another organisation's deal is not counted.
    await dealSold(t, await university(t), { priceFen: 70_000_000, transferMode: 'transfer', title: '其他单位的成交' });

    intoWindowOf(year);
    await relogin(t, u);
    const res = await open(u.memberSession, year);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json() as AnnualReportView;
    expect(report).toMatchObject({ year, status: 'draft', figuresFrozen: false, organization: { id: u.org.id } });
    const fig = report.figures;

    expect(fig.achievements).toMatchObject({ total: 5, publiclyFunded: 1, byIpKind: { invention_patent: 5 } });
    expect(fig.transfers.byMode).toEqual({
      transfer: { count: 1, amountFen: 150_000_000 },
      license: { count: 2, amountFen: 90_000_000 },
      equity: { count: 1, amountFen: 200_000_000 },
    });
    expect(fig.transfers.total).toEqual({ count: 4, amountFen: 440_000_000 });
    expect(fig.transfers.largeDeals.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(fig.cooperation.byType).toEqual({
      development: { count: 1, amountFen: 50_000_000 },
      consulting: { count: 0, amountFen: 0 },
      service: { count: 1, amountFen: 8_000_000 },
    });

    // Every figure is the sum of the records listed under it, and those are exactly the records made above.
    const ids = (rs: SourceRecord[]) => rs.map((r) => r.id).sort();
    expect(ids(fig.transfers.records)).toEqual([a.id, b.id, c.id, f.id].sort());
    expect(ids(fig.cooperation.records)).toEqual([d.id, e.id].sort());
    for (const [mode, tally] of Object.entries(fig.transfers.byMode)) {
      const rs = fig.transfers.records.filter((r) => r.category === mode);
      expect(tally).toEqual({ count: rs.length, amountFen: rs.reduce((s, r) => s + r.amountFen, 0) });
    }
    const byId = new Map([...fig.transfers.records, ...fig.cooperation.records].map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({
      kind: 'deal',
      registeredContractId: ca.id,
      registrationNumber: ca.registration!.number,
      registeredAmountFen: 140_000_000,
      differenceFen: 10_000_000,
      issue: 'amount_differs',
    });
    expect(byId.get(c.id)).toMatchObject({ registeredContractId: cc.id, differenceFen: 0, issue: null });
    expect(byId.get(b.id)).toMatchObject({ registeredContractId: null, issue: 'not_registered' });
    expect(byId.get(f.id)).toMatchObject({ kind: 'contract', category: 'license', registrationNumber: f.registration!.number });
    expect(fig.reconciliation).toEqual({
      dealsTotalFen: 430_000_000,
      registeredTotalFen: 340_000_000,
      differenceFen: 10_000_000,
      unregisteredDeals: 2,
      differingDeals: 1,
    });
    // Block 5 comes from the income distributions paid in the year: none here.
    expect(fig.distribution).toEqual({ cashFen: 0, equityFen: 0, persons: 0, byMode: {} });
  }, 90_000); // four contracts through registration and five deals: slow on a loaded machine

  it('goes submit → return (with a reason) → resubmit → accept, audited, visible to the organisation and the officers over its region only', async () => {
    const u = await university(t, '120104');
    const year = thisYear();
    intoWindowOf(year);
    await relogin(t, u);
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120104' })).session;
    const elsewhere = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' })).session;
    const stranger = (await createLoggedInUser(t.app, t.db, { role: 'org_admin' })).session;
    const admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));

    const opened = await open(u.memberSession, year);
    expect(opened.statusCode, opened.body).toBe(201);
    const id = (opened.json() as AnnualReportView).id;
    expect((await open(u.adminSession, year)).json()).toMatchObject({ id }); // one per organisation and year
    expect(fields(await open(u.memberSession, year + 1))).toEqual(['body.year']); // the year has not ended

    const empty = await act(u.memberSession, id, 'submit');
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual(['content.work.summary', 'content.policy.implementation']);
    const saved = await u.memberSession.inject({ method: 'PUT', url: `/api/annual-reports/${id}`, payload: CONTENT });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as AnnualReportView).content.distribution.cashPersons).toBe(12);

    const submitted = await act(u.memberSession, id, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', figuresFrozen: true, late: false });

    expect((await elsewhere.inject({ method: 'GET', url: `/api/annual-reports/${id}` })).statusCode).toBe(404);
    expect((await act(elsewhere, id, 'accept')).statusCode).toBe(404);
    expect((await act(u.memberSession, id, 'accept')).statusCode).toBe(403);
    const noReason = await act(officer, id, 'return');
    expect(fields(noReason)).toEqual(['body.reason']);
    const returned = await act(officer, id, 'return', '第三部分作价投资金额与登记合同不一致，请核对。');
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '第三部分作价投资金额与登记合同不一致，请核对。' });
    const notes = (await u.memberSession.inject({ method: 'GET', url: '/api/me/notifications' })).json() as {
      items: Array<{ kind: string }>;
    };
    expect(notes.items.map((n) => n.kind)).toContain('annual_report_return');

    expect((await act(u.memberSession, id, 'submit')).json()).toMatchObject({ status: 'submitted', returnReason: null });
    const accepted = await act(officer, id, 'accept');
    expect(accepted.json()).toMatchObject({ status: 'accepted', actions: ['export'] });
    const late = await u.memberSession.inject({ method: 'PUT', url: `/api/annual-reports/${id}`, payload: CONTENT });
    expect(late.statusCode).toBe(409);

    const actions = (
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), like(auditLog.action, 'annual_report.%')))
    ).map((r) => r.action);
    expect(actions).toEqual([
      'annual_report.open',
      'annual_report.save',
      'annual_report.submit',
      'annual_report.return',
      'annual_report.submit',
      'annual_report.accept',
    ]);

    expect(await listIds(u.memberSession)).toContain(id);
    expect(await listIds(officer)).toContain(id);
    expect(await listIds(admin)).toContain(id);
    expect(await listIds(elsewhere)).not.toContain(id);
    expect(await listIds(stranger)).not.toContain(id);
  });

  it('exports the six blocks and the project list as a spreadsheet', async () => {
    const u = await university(t);
    const year = thisYear();
    await dealSold(t, u, { priceFen: 120_000_000, transferMode: 'transfer', title: '智能焊接机器人视觉定位技术转让' });
    intoWindowOf(year);
    await relogin(t, u);
    const id = ((await open(u.memberSession, year)).json() as AnnualReportView).id;
    const res = await u.memberSession.inject({ method: 'GET', url: `/api/annual-reports/${id}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).filter((v) => v != null).join('|')));
      return out;
    };
    const main = text('年度报告');
    for (const heading of ['一、', '二、', '三、', '四、', '五、', '六、']) expect(main.some((l) => l.startsWith(heading))).toBe(true);
    expect(main).toContain('转让|1|120|120000000');
    expect(text('项目清单').some((l) => l.startsWith('智能焊接机器人视觉定位技术转让|转让'))).toBe(true);
  });
});

describe('API document', () => {
  it('lists the reports and integrity routes with their schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const p of ['/api/annual-reports', '/api/annual-reports/{id}/transitions', '/api/st-reports', '/api/integrity/records'])
      expect(paths).toContain(p);
  });
});

describe('S&T reports', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    projectNumber: '2022yfb3803600',
    projectName: '高安全长寿命储能电池关键技术',
    fundingProgramme: '国家重点研发计划',
    title: '高安全储能电池热失控机理研究报告',
    abstract: '本报告'.repeat(70),
    keywords: ['储能电池', '热失控', '安全性'],
    access: 'public',
    ...over,
  });

  it('numbers reports organisation code - project number - sequence, and validates abstract, keywords and release date by field', async () => {
    const u = await university(t);
    const file = (over: Record<string, unknown> = {}) =>
      u.memberSession.inject({ method: 'POST', url: '/api/st-reports', payload: body(over) });
    const first = await file();
    expect(first.statusCode, first.body).toBe(201);
    const code = organizationCodeOf(u.org.creditCode)!;
    expect((first.json() as StReportView).number).toBe(`${code}-2022YFB3803600-01`);
    expect(((await file()).json() as StReportView).number).toBe(`${code}-2022YFB3803600-02`);

    expect(fields(await file({ abstract: '太短' }))).toEqual(['body.abstract']);
    expect(fields(await file({ keywords: ['储能', '电池'] }))).toEqual(['body.keywords']);
    const today = localDateOf(clock.now());
    expect(fields(await file({ access: 'delayed', releaseOn: addYears(today, 6) }))).toEqual(['body.releaseOn']);
    expect(fields(await file({ access: 'delayed', releaseOn: null }))).toEqual(['body.releaseOn']);

    const delayed = await file({ access: 'delayed', releaseOn: addYears(today, 5) });
    expect(delayed.statusCode, delayed.body).toBe(201);
    const id = (delayed.json() as StReportView).id;
    const anonymous = (await t.app.inject({ method: 'GET', url: `/api/st-reports/${id}` })).json() as StReportView;
    expect(anonymous).toMatchObject({ withheld: true, abstract: null, title: '高安全储能电池热失控机理研究报告' });
    const own = (await u.memberSession.inject({ method: 'GET', url: `/api/st-reports/${id}` })).json() as StReportView;
    expect(own).toMatchObject({ withheld: false, abstract: body().abstract });
  });
});
