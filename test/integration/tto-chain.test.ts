// The university TTO's year as one chain (C10 → C9): a researcher discloses an invention with its
// inventors, the TTO assesses and decides to license it, the decision becomes an achievement without
// retyping, the achievement is sold on the platform and the contract registered from the deal, the
// buyer pays, the income is distributed to the inventors by the legal shares and paid, and the
// university's annual report for the year shows the deal, the income and the distribution — each
// number traced to the steps before it. Along the way: the same income cannot be distributed twice,
// and a contract already counted cannot be added to the report again by hand.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnnualReportView } from '../../common/api/reports.js';
import { systemActor } from '../../server/lib/actor.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { insertDeal } from '../../server/modules/trading/deals.js';
import { createLoggedInUser, createOrganization, createUser, loginAs, moveRecordTo, unique, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { registeredContract, relogin, university } from './reports-fixtures.js';

const t = useTestApp();

const post = (s: LoggedIn, url: string, payload?: unknown) => s.inject({ method: 'POST', url, payload: payload as never });
const put = (s: LoggedIn, url: string, payload: unknown) => s.inject({ method: 'PUT', url, payload: payload as never });
const get = (s: LoggedIn, url: string) => s.inject({ method: 'GET', url });
const fields = (res: { json(): unknown }) => ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
const ok = <T = Record<string, unknown>>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

const PRICE_FEN = 120_000_000; // ¥1 200 000: a large deal (≥ ¥1M) in block 3
const BROKERAGE_FEN = 5_000_000;

describe('disclosure → decision → achievement → deal → registered contract → distribution → annual report', () => {
  it('carries every number of the report back to the records it came from, and refuses counting anything twice', async () => {
    const u = await university(t);
    const inOrg = (role: 'org_member' | 'broker' | 'org_admin', name: string) =>
      createLoggedInUser(t.app, t.db, { role, organizationId: u.org.id, name });
    const researcher = await inOrg('org_member', '王立新');
    const coInventor = await inOrg('org_member', '李静');
    const manager = await inOrg('broker', '技术经理人 陈');
    const year = Number(localDateOf(clock.now()).slice(0, 4));
    const today = localDateOf(clock.now());

    // 1. The researcher discloses, with three inventors whose contributions add up to 100.
    const title = `一种锂电池热失控早期预警方法 ${unique()}`;
    const disclosure = ok<{ id: string; inventors: Array<{ id: string }> }>(
      await post(researcher.session, '/api/disclosures', {
        title,
        summary: '基于电池内部气体组分与温升速率的融合判据，在热失控前 10 分钟以上发出预警，误报率低于 1%。',
        keywords: ['热失控', '预警', '锂离子电池'],
        fieldCode: 'D15',
        trl: 5,
        confidentialDescription: '传感器阵列布置与判据阈值见附件；算法在 3 类电芯上完成 120 次滥用试验验证。',
        conceptionOn: '2026-01-15',
        firstWrittenOn: '2026-02-01',
        fundingSources: [{ funder: '天津市科学技术局', programme: '重点研发计划', grantNumber: '24YFZCGX00010', publicFunding: true }],
        inventors: [
          { name: '王立新', userId: researcher.user.id, organizationName: u.org.name, contributionPct: 60 },
          { name: '李静', userId: coInventor.user.id, organizationName: u.org.name, contributionPct: 30 },
          { name: '赵明（合作单位）', organizationName: '天津某研究院', contributionPct: 10 },
        ],
      }),
      201,
    );
    const [me, co, external] = disclosure.inventors;
    ok(await post(researcher.session, `/api/disclosures/${disclosure.id}/inventors/${me!.id}/confirm`));
    ok(await post(coInventor.session, `/api/disclosures/${disclosure.id}/inventors/${co!.id}/confirm`));
    ok(await post(manager.session, `/api/disclosures/${disclosure.id}/inventors/${external!.id}/confirm`));
    ok(await post(researcher.session, `/api/disclosures/${disclosure.id}/transitions`, { action: 'submit' }));

    // 2. The TTO assesses and decides to license it.
    ok(await post(manager.session, `/api/disclosures/${disclosure.id}/transitions`, { action: 'start_assessment' }));
    ok(
      await post(manager.session, `/api/disclosures/${disclosure.id}/assessments`, {
        scores: { patentability: 30, market: 27, readiness: 16 },
        recommendation: 'license_assign',
        comment: '已有两家电池企业表达许可意向。',
      }),
    );
    const decided = ok<{ status: string; decision: string }>(
      await post(manager.session, `/api/disclosures/${disclosure.id}/decision`, {
        decision: 'license_assign',
        reason: '市场需求明确，以独占许可方式转化。',
      }),
    );
    expect(decided).toMatchObject({ status: 'decided', decision: 'license_assign' });

    // 3. It becomes an achievement without retyping: the same title, publicly funded, the inventors as its team.
    const { achievementId } = ok<{ achievementId: string }>(
      await post(manager.session, `/api/disclosures/${disclosure.id}/achievement`),
      201,
    );
    const achievement = ok<{ title: string; publicFunding: boolean; team: Array<{ name: string }> }>(
      await get(manager.session, `/api/achievements/${achievementId}`),
    );
    expect(achievement).toMatchObject({ title, publicFunding: true });
    expect(achievement.team.map((m) => m.name)).toEqual(['王立新', '李静', '赵明（合作单位）']);
    // 4. It is published and sold on the platform (an exclusive licence, the achievement in trade), and the buyer pays.
    await moveRecordTo(t.db, 'achievement', achievementId, 'in_trade');
    const buyer = await createOrganization(t.db, { name: `天津滨海储能科技有限公司 ${unique()}` });
    const dealId = await t.db.transaction((tx) =>
      insertDeal(tx, systemActor('test'), {
        route: 'agreement',
        achievementId,
        sellerOrganizationId: u.org.id,
        buyerOrganizationId: buyer.id,
        regionCode: u.org.regionCode,
        title,
        achievementSummary: '热失控早期预警方法',
        fieldCode: 'D15',
        priceFen: PRICE_FEN,
        transferMode: 'license_exclusive',
      }),
    );
    const staff = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
    const paid = ok<{ status: string }>(
      await post(staff, `/api/trading/deals/${dealId}/payment`, { reference: '交易中心到账 TJ-2026-0731', amountFen: PRICE_FEN }),
    );
    expect(paid.status).toBe('completed');

    // 5. The contract made from the deal is registered (认定登记).
    const contract = await registeredContract(u, {
      dealId,
      title,
      type: 'license',
      subtype: 'patent_license',
      contractAmountFen: PRICE_FEN,
    });

    // 6. The income is distributed to the team: Tianjin's 70 % of net income, split 60 / 30 / 10.
    const body = {
      sourceKind: 'contract',
      sourceId: contract.id,
      route: 'licence',
      achievementId,
      receipts: [{ receivedOn: today, amountFen: PRICE_FEN, reference: '银行回单 20260731-01' }],
      costs: [{ kind: 'brokerage', description: '技术经理人服务费', amountFen: BROKERAGE_FEN }],
      inventors: [
        { name: '王立新', userId: researcher.user.id, contributionPct: 60, mainContributor: true },
        { name: '李静', userId: coInventor.user.id, contributionPct: 30 },
        { name: '赵明（合作单位）', contributionPct: 10 },
      ],
    };
    const dist = ok<{
      id: string;
      netIncomeFen: number;
      teamShareFen: number;
      teamSharePct: number;
      statements: Array<{ amountFen: number }>;
    }>(await post(manager.session, '/api/income-distributions', body), 201);
    const netFen = PRICE_FEN - BROKERAGE_FEN;
    const teamFen = Math.ceil((netFen * 70) / 100);
    expect(dist).toMatchObject({ netIncomeFen: netFen, teamSharePct: 70, teamShareFen: teamFen });
    const payouts = dist.statements.map((s) => s.amountFen);
    expect(payouts).toEqual([48_300_000, 24_150_000, 8_050_000]);
    expect(payouts.reduce((a, b) => a + b, 0)).toBe(teamFen);

    // The same income cannot be distributed twice: not the same payment again, not through the deal
    // the contract was registered from, and not more than the buyer agreed to pay.
    const again = await post(manager.session, '/api/income-distributions', body);
    expect(again.statusCode).toBe(400);
    expect(fields(again)).toEqual(['body.receipts.0.reference']);
    const viaDeal = await post(manager.session, '/api/income-distributions', { ...body, sourceKind: 'deal', sourceId: dealId });
    expect(viaDeal.statusCode).toBe(400);
    expect(fields(viaDeal)).toEqual(['body.receipts.0.reference']);
    const renamed = await post(manager.session, '/api/income-distributions', {
      ...body,
      sourceKind: 'deal',
      sourceId: dealId,
      receipts: [{ receivedOn: today, amountFen: PRICE_FEN, reference: '交易中心到账 TJ-2026-0731' }],
    });
    expect(renamed.statusCode).toBe(400);
    expect(fields(renamed)).toEqual(['body.receipts']);
    expect(renamed.json().errors[0].message).toContain('cannot be distributed twice');
    const twiceInOne = await post(manager.session, '/api/income-distributions', {
      ...body,
      receipts: [
        { receivedOn: today, amountFen: 1_000, reference: '回单 X-1' },
        { receivedOn: today, amountFen: 1_000, reference: '回单  x-1' },
      ],
    });
    expect(fields(twiceInOne)).toEqual(['body.receipts.1.reference']);

    // Approved by someone other than its maker, then paid.
    const admin = await loginAs(t.app, u.admin);
    ok(await post(manager.session, `/api/income-distributions/${dist.id}/transitions`, { action: 'submit' }));
    ok(await post(admin, `/api/income-distributions/${dist.id}/transitions`, { action: 'approve' }));
    ok(
      await post(manager.session, `/api/income-distributions/${dist.id}/transitions`, {
        action: 'pay',
        reference: '工资系统批次 奖励-07',
        paidOn: today,
      }),
    );

    // 7. The annual report for the year, opened in its filling window, is prefilled from all of it.
    const ms = Date.parse(`${year + 1}-04-10T02:00:00Z`) - clock.now().getTime();
    clock.advance(ms);
    await relogin(t, u);
    const report = ok<AnnualReportView>(await post(u.memberSession, '/api/annual-reports', { year }), 201);
    const fig = report.figures;
    // Block 2: the achievement that came from the disclosure, publicly funded.
    expect(fig.achievements.records.map((a) => a.id)).toEqual([achievementId]);
    expect(fig.achievements).toMatchObject({ total: 1, publiclyFunded: 1 });
    // Block 3: the deal once, as a licence at the deal's price, with the contract registered from it beside it.
    expect(fig.transfers.byMode.license).toEqual({ count: 1, amountFen: PRICE_FEN });
    expect(fig.transfers.total).toEqual({ count: 1, amountFen: PRICE_FEN });
    expect(fig.transfers.records).toEqual([
      expect.objectContaining({
        kind: 'deal',
        id: dealId,
        category: 'license',
        amountFen: PRICE_FEN,
        registeredContractId: contract.id,
        registrationNumber: contract.registration!.number,
        registeredAmountFen: PRICE_FEN,
        differenceFen: 0,
        issue: null,
      }),
    ]);
    expect(fig.transfers.largeDeals.map((r) => r.id)).toEqual([dealId]);
    expect(fig.cooperation.total).toEqual({ count: 0, amountFen: 0 });
    expect(fig.reconciliation).toEqual({
      dealsTotalFen: PRICE_FEN,
      registeredTotalFen: PRICE_FEN,
      differenceFen: 0,
      unregisteredDeals: 0,
      differingDeals: 0,
    });
    // Block 5: the distribution paid in the year — the team's share in cash, three persons.
    expect(fig.distribution).toEqual({ cashFen: teamFen, equityFen: 0, persons: 3, byMode: { licence: teamFen } });

    // The registered contract cannot be added again by hand to the project list (as a licence, say).
    const content = {
      work: { summary: '本年度以许可方式转化热失控预警成果 1 项，建立披露—评估—决策流程。', problems: '' },
      policy: {
        implementation: '落实促进科技成果转化法及天津市条例，按 70% 比例奖励成果完成团队。',
        extraProjects: [
          {
            name: '热失控预警技术许可',
            partner: buyer.name,
            mode: '许可',
            amountFen: PRICE_FEN,
            registrationNumber: contract.registration!.number,
          },
        ],
      },
    };
    const dupByNumber = await put(u.memberSession, `/api/annual-reports/${report.id}`, content);
    expect(dupByNumber.statusCode).toBe(400);
    expect(fields(dupByNumber)).toEqual(['body.policy.extraProjects.0.registrationNumber']);
    const dupByTitle = await put(u.memberSession, `/api/annual-reports/${report.id}`, {
      ...content,
      policy: { ...content.policy, extraProjects: [{ name: title, partner: buyer.name, mode: '转让', amountFen: PRICE_FEN }] },
    });
    expect(fields(dupByTitle)).toEqual(['body.policy.extraProjects.0.name']);
    const offPlatform = { name: '储能电站安全评估技术服务（线下签订）', partner: '天津某电力公司', mode: '技术服务', amountFen: 3_000_000 };
    ok(
      await put(u.memberSession, `/api/annual-reports/${report.id}`, {
        ...content,
        policy: { ...content.policy, extraProjects: [offPlatform] },
      }),
    );

    // Submitted, the figures are frozen as they were shown; the export carries them.
    const submitted = ok<AnnualReportView>(
      await post(u.memberSession, `/api/annual-reports/${report.id}/transitions`, { action: 'submit' }),
    );
    expect(submitted.figuresFrozen).toBe(true);
    expect({ ...submitted.figures, computedAt: null }).toEqual({ ...fig, computedAt: null });
    const xlsx = await get(u.memberSession, `/api/annual-reports/${report.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const lines = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).filter((v) => v != null).join('|')));
      return out;
    };
    expect(lines('年度报告')).toContain(`许可|1|120|${PRICE_FEN}`);
    expect(lines('年度报告')).toContain(`平台记录的现金奖励（已发放的收益分配）|${teamFen / 1_000_000}|${teamFen}|3`);
    const list = lines('项目清单');
    expect(list.filter((l) => l.startsWith(title))).toHaveLength(1);
    expect(list.some((l) => l.startsWith(offPlatform.name))).toBe(true);
  }, 120_000); // a disclosure, a deal, a registration, a distribution and a report: slow on a loaded machine

  it('lets the instalments of one contract be distributed separately, but never beyond what was agreed', async () => {
    const u = await university(t);
    const manager = await createLoggedInUser(t.app, t.db, { role: 'broker', organizationId: u.org.id });
    const contract = await registeredContract(u, { type: 'transfer', subtype: 'patent_right', contractAmountFen: 50_000_000 });
    const today = localDateOf(clock.now());
    const body = (reference: string, amountFen: number) => ({
      sourceKind: 'contract',
      sourceId: contract.id,
      route: 'transfer',
      receipts: [{ receivedOn: today, amountFen, reference }],
      inventors: [{ name: '王立新', contributionPct: 100 }],
    });
    const first = ok<{ id: string }>(await post(manager.session, '/api/income-distributions', body('首付款 回单 01', 30_000_000)), 201);
    ok(await post(manager.session, '/api/income-distributions', body('尾款 回单 02', 20_000_000)), 201);
    const beyond = await post(manager.session, '/api/income-distributions', body('尾款 回单 03', 1));
    expect(fields(beyond)).toEqual(['body.receipts']);
    // An edit that would push the total over the contract amount is refused too.
    const grown = await put(manager.session, `/api/income-distributions/${first.id}`, body('首付款 回单 01', 30_000_001));
    expect(fields(grown)).toEqual(['body.receipts']);
    // A cancelled distribution frees its payments.
    ok(await post(manager.session, `/api/income-distributions/${first.id}/transitions`, { action: 'cancel' }));
    ok(await post(manager.session, '/api/income-distributions', body('首付款 回单 01', 30_000_000)), 201);
  }, 60_000);
});
