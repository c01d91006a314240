// Finance: investor profiles and matches, financing requests with interest and a thread, the
// 科技型中小企业 self-assessment as a filter, and an IP-pledge loan from application to release.
import { describe, expect, it } from 'vitest';
import { patentCheckChar } from '../../common/patent-number.js';
import { createLoggedInUser, createOrganization } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const WAN = 1_000_000;

async function investor(type: 'investor' | 'financial_institution' = 'investor') {
  const org = await createOrganization(t.db, { type, name: type === 'investor' ? '天津海河创业投资有限公司' : '天津滨海科技银行' });
  const admin = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: org.id });
  return { org, admin: admin.session };
}

const profile = {
  stages: ['angel', 'series_a'],
  instruments: ['equity'],
  ticketMinFen: 500 * WAN,
  ticketMaxFen: 3000 * WAN,
  fieldCodes: ['D'],
  regionCodes: ['120000'],
  trlMin: 4,
  trlMax: 7,
  smeOnly: false,
  description: '专注先进制造与新材料早期项目',
};

const request = {
  title: '高性能碳纤维复合材料产业化项目 A 轮融资',
  summary: '已建成中试线，拟扩产。',
  amountFen: 2000 * WAN,
  use: '中试线扩产与市场推广',
  stage: 'series_a',
  instrument: 'equity',
  equityOfferedBp: 1500,
  fieldCode: 'D15',
  trl: 6,
};

describe('investors and financing requests', { timeout: 120_000 }, () => {
  it('an investor keeps a profile, sees a request matched with reasons, expresses interest and talks with the requester', async () => {
    const inv = await investor();
    const put = await inv.admin.inject({ method: 'PUT', url: '/api/me/investor-profile', payload: profile });
    expect(put.statusCode, put.body).toBe(200);
    const enterprise = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const notInvestor = await enterprise.session.inject({ method: 'PUT', url: '/api/me/investor-profile', payload: profile });
    expect(notInvestor.statusCode).toBe(400);
    expect(notInvestor.json().errors[0].field).toBe('body.organizationId');

    const list = (await t.app.inject({ method: 'GET', url: '/api/investors?stage=angel' })).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({ organizationId: inv.org.id, name: '天津海河创业投资有限公司', ticketMaxFen: 3000 * WAN }),
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/investors?stage=pre_ipo' }))
        .json()
        .items.map((i: { organizationId: string }) => i.organizationId),
    ).not.toContain(inv.org.id);

    const created = await enterprise.session.inject({ method: 'POST', url: '/api/financing-requests', payload: request });
    expect(created.statusCode, created.body).toBe(201);
    const req = created.json();
    expect(req.matchedInvestors[0]).toMatchObject({ id: inv.org.id, total: 100 });

    const matches = (await inv.admin.inject({ method: 'GET', url: `/api/investors/${inv.org.id}/matches` })).json();
    const m = matches.requests.find((r: { id: string }) => r.id === req.id);
    expect(m.total).toBe(100);
    expect(m.components.map((c: { key: string }) => c.key)).toEqual(['field', 'stage', 'ticket', 'trl', 'region', 'instrument']);
    expect(m.components[0].reason).toBe('领域 D15 在关注范围内');
    expect((await enterprise.session.inject({ method: 'GET', url: `/api/investors/${inv.org.id}/matches` })).statusCode).toBe(403);

    const interest = await inv.admin.inject({
      method: 'POST',
      url: `/api/financing-requests/${req.id}/interests`,
      payload: { amountFen: 1000 * WAN, message: '我们对该项目很感兴趣，希望安排尽调。' },
    });
    expect(interest.statusCode, interest.body).toBe(201);
    const i = interest.json();
    expect(i).toMatchObject({ status: 'expressed', mySide: 'investor', actions: ['message', 'withdraw'] });
    expect(
      (await inv.admin.inject({ method: 'POST', url: `/api/financing-requests/${req.id}/interests`, payload: { message: '再次' } }))
        .statusCode,
    ).toBe(409);

    const reply = await enterprise.session.inject({
      method: 'POST',
      url: `/api/financing-interests/${i.id}/messages`,
      payload: { body: '欢迎，下周可安排。' },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().messages.map((x: { side: string }) => x.side)).toEqual(['investor', 'requester']);
    expect(
      (await inv.admin.inject({ method: 'POST', url: `/api/financing-interests/${i.id}/transitions`, payload: { action: 'accept' } }))
        .statusCode,
    ).toBe(403);
    const accepted = await enterprise.session.inject({
      method: 'POST',
      url: `/api/financing-interests/${i.id}/transitions`,
      payload: { action: 'accept' },
    });
    expect(accepted.json().status).toBe('accepted');
    const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await stranger.session.inject({ method: 'GET', url: `/api/financing-interests/${i.id}` })).statusCode).toBe(404);
    const asOwner = (await enterprise.session.inject({ method: 'GET', url: `/api/financing-requests/${req.id}` })).json();
    expect(asOwner.interests).toEqual([expect.objectContaining({ id: i.id, status: 'accepted' })]);
    expect((await stranger.session.inject({ method: 'GET', url: `/api/financing-requests/${req.id}` })).json().interests).toEqual([]);
  });

  it('the 科技型中小企业 self-assessment is stored per year and filters requests', async () => {
    const ent = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const other = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    for (const s of [ent, other])
      expect((await s.session.inject({ method: 'POST', url: '/api/financing-requests', payload: request })).statusCode).toBe(201);
    const sme = {
      staff: 100,
      techStaff: 10, // 10% → 4
      revenueFen: 5000 * WAN,
      assetsFen: 8000 * WAN,
      rdExpenseFen: 300 * WAN, // 6% → 50
      classIRights: 0,
      classIIRights: 1, // → 6
      declarationsConfirmed: true,
    };
    const res = await ent.session.inject({ method: 'PUT', url: '/api/me/sme-assessments/2025', payload: sme });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2025, staffScore: 4, rdScore: 50, ipScore: 6, total: 60, qualified: true, route: 'score' });
    const failing = await other.session.inject({ method: 'PUT', url: '/api/me/sme-assessments/2025', payload: { ...sme, techStaff: 9 } });
    expect(failing.json()).toMatchObject({
      total: 56,
      qualified: false,
      reasons: ['综合评价得分 56 分，低于 60 分', '科技人员指标得分为 0 分'],
    });
    const bad = await ent.session.inject({ method: 'PUT', url: '/api/me/sme-assessments/2025', payload: { ...sme, techStaff: 101 } });
    expect(bad.json().errors[0].field).toBe('body.techStaff');

    const filtered = (await ent.session.inject({ method: 'GET', url: '/api/financing-requests?smeQualified=2025' })).json();
    const orgsIn = filtered.items.map((r: { organization: { id: string } }) => r.organization.id);
    expect(orgsIn).toContain(ent.user.organizationId);
    expect(orgsIn).not.toContain(other.user.organizationId);
    expect(
      filtered.items.find((r: { organization: { id: string } }) => r.organization.id === ent.user.organizationId).smeQualifiedYears,
    ).toEqual([2025]);
  });
});

describe('IP-pledge loans', { timeout: 120_000 }, () => {
  it('validated patents and a valuation go to the bank, which approves, registers the pledge, records repayment and releases it', async () => {
    const bank = await investor('financial_institution');
    const ent = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const digits = '202210123456';
    const valid = `${digits}.${patentCheckChar(digits)}`;
    const wrong = `${digits}.${patentCheckChar(digits) === '1' ? '2' : '1'}`;
    const body = (patents: Array<Record<string, unknown>>) => ({
      bankOrganizationId: bank.org.id,
      amountFen: 500 * WAN,
      termMonths: 12,
      purpose: '补充研发流动资金',
      patents,
      valuation: {
        valuer: '天津中联资产评估有限公司',
        valueFen: 1200 * WAN,
        reportName: '专利权价值评估报告.pdf',
        reportUrl: 'https://example.test/report.pdf',
        valuedOn: '2026-10-20',
      },
    });
    const patent = { number: `ZL${valid}`, title: '一种高强度碳纤维预浸料的制备方法', legalStatus: 'valid', patentee: '测试企业' };
    const badNumber = await ent.session.inject({ method: 'POST', url: '/api/pledge-loans', payload: body([{ ...patent, number: wrong }]) });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().errors[0]).toMatchObject({ field: 'body.patents.0.number', message: 'has a wrong check character' });
    const lapsed = await ent.session.inject({
      method: 'POST',
      url: '/api/pledge-loans',
      payload: body([{ ...patent, legalStatus: 'lapsed' }]),
    });
    expect(lapsed.json().errors[0].field).toBe('body.patents.0.legalStatus');
    const notBank = await ent.session.inject({
      method: 'POST',
      url: '/api/pledge-loans',
      payload: { ...body([patent]), bankOrganizationId: ent.user.organizationId },
    });
    expect(notBank.json().errors[0].field).toBe('body.bankOrganizationId');

    const applied = await ent.session.inject({ method: 'POST', url: '/api/pledge-loans', payload: body([patent]) });
    expect(applied.statusCode, applied.body).toBe(201);
    const loan = applied.json();
    expect(loan).toMatchObject({ status: 'submitted', mySide: 'applicant', actions: ['withdraw'] });
    expect(loan.patents[0].number).toBe(valid);

    const step = (s: typeof ent.session, payload: Record<string, unknown>) =>
      s.inject({ method: 'POST', url: `/api/pledge-loans/${loan.id}/transitions`, payload });
    expect((await step(ent.session, { action: 'approve', rateBp: 385 })).statusCode).toBe(403);
    expect((await step(bank.admin, { action: 'register_pledge', pledgeRegistrationNo: 'Y2026120000123' })).statusCode).toBe(409);
    expect((await step(bank.admin, { action: 'approve' })).json().errors[0].field).toBe('body.rateBp');
    expect((await step(bank.admin, { action: 'approve', rateBp: 385, approvedFen: 400 * WAN })).json()).toMatchObject({
      status: 'approved',
      approvedFen: 400 * WAN,
    });
    const pledged = (
      await step(bank.admin, {
        action: 'register_pledge',
        pledgeRegistrationNo: 'Y2026120000123',
        registeredOn: '2026-11-02',
        pledgeUntil: '2027-11-01',
      })
    ).json();
    expect(pledged).toMatchObject({
      status: 'pledged',
      pledge: { registrationNo: 'Y2026120000123', pledgee: '天津滨海科技银行', registeredOn: '2026-11-02', until: '2027-11-01' },
    });
    expect((await step(bank.admin, { action: 'release' })).statusCode).toBe(409);
    expect((await step(bank.admin, { action: 'record_repayment', on: '2027-10-30' })).json().status).toBe('repaid');
    expect((await step(bank.admin, { action: 'release', on: '2027-11-05' })).json()).toMatchObject({
      status: 'released',
      releasedOn: '2027-11-05',
    });
    const mine = (await ent.session.inject({ method: 'GET', url: '/api/me/pledge-loans' })).json();
    expect(mine.items.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([[loan.id, 'released']]);
  });
});
