// The university TTO (C10): a researcher discloses, the inventors confirm, the TTO assesses and
// decides, the decision becomes an achievement, and the income of a registered contract is
// distributed to the inventors by rule, approved by someone other than its maker and paid.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { patentCheckChar } from '../../common/patent-number.js';
import { auditLog } from '../../server/lib/schema.js';
import { sendDecisionReminders } from '../../server/modules/disclosures/reminders.js';
import { distributionSummary } from '../../server/modules/distributions/service.js';
import { createExpert } from '../../server/modules/experts/service.js';
import { systemActor } from '../../server/lib/actor.js';
import { clock } from '../../server/lib/clock.js';
import { createLoggedInUser, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certify, registrationCast, submitApplication } from './contracts-fixtures.js';

const t = useTestApp();

async function cast() {
  const c = await registrationCast(t);
  const university = c.applicantOrg;
  const member = (role: 'org_member' | 'org_admin' | 'broker', name: string) =>
    createLoggedInUser(t.app, t.db, { role, organizationId: university.id, name });
  return {
    ...c,
    university,
    researcher: await member('org_member', '王立新'),
    coInventor: await member('org_member', '李静'),
    colleague: await member('org_member', '张同事'),
    manager: await member('broker', '技术经理人 陈'),
    admin: await member('org_admin', '成果转化中心 主任'),
    outsider: await createLoggedInUser(t.app, t.db, { role: 'org_admin' }),
  };
}
type Cast = Awaited<ReturnType<typeof cast>>;

function disclosureBody(c: Cast, overrides: Record<string, unknown> = {}) {
  return {
    title: '一种高镍正极材料的表面包覆方法',
    summary: '通过原子层沉积在高镍正极颗粒表面形成均匀氧化铝包覆层，抑制界面副反应，提高循环寿命。',
    keywords: ['高镍正极', '原子层沉积', '锂离子电池'],
    fieldCode: 'D15',
    trl: 4,
    confidentialDescription: '前驱体在 80 ℃ 下与三甲基铝交替脉冲 20 个循环，包覆层厚度约 2 nm；关键工艺窗口见附件。',
    conceptionOn: '2026-03-01',
    firstWrittenOn: '2026-03-20',
    publications: [{ title: 'ALD 包覆高镍正极的界面稳定性', venue: '中国化学会年会', date: '2027-05-10', planned: true }],
    fundingSources: [{ funder: '国家自然科学基金委员会', programme: '面上项目', grantNumber: '52272001', publicFunding: true }],
    thirdPartyMaterials: [{ description: '商用 NCM811 样品', provider: '某材料公司', agreement: '材料转移协议 MTA-2026-03' }],
    inventors: [
      { name: '王立新', userId: c.researcher.user.id, organizationName: c.university.name, contributionPct: 60 },
      { name: '李静', userId: c.coInventor.user.id, organizationName: c.university.name, contributionPct: 30 },
      { name: '赵明（合作单位）', organizationName: '天津某研究院', contributionPct: 10 },
    ],
    ...overrides,
  };
}

const expertBody = (userId: string, name: string) => ({
  userId,
  name,
  title: '教授',
  fieldCodes: ['D15'],
  keywords: '锂离子电池 正极材料',
  available: true,
});

const post = (s: LoggedIn, url: string, payload?: unknown) => s.inject({ method: 'POST', url, payload: payload as never });
const get = (s: LoggedIn, url: string) => s.inject({ method: 'GET', url });
const fields = (res: { json(): unknown }) => ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

/** Creates, confirms (all three) and submits a disclosure; returns its view. */
async function submitted(c: Cast) {
  const created = await post(c.researcher.session, '/api/disclosures', disclosureBody(c));
  expect(created.statusCode, created.body).toBe(201);
  const d = created.json();
  const [me, co, external] = d.inventors;
  expect((await post(c.researcher.session, `/api/disclosures/${d.id}/inventors/${me.id}/confirm`)).statusCode).toBe(200);
  expect((await post(c.coInventor.session, `/api/disclosures/${d.id}/inventors/${co.id}/confirm`)).statusCode).toBe(200);
  expect((await post(c.manager.session, `/api/disclosures/${d.id}/inventors/${external.id}/confirm`)).statusCode).toBe(200);
  const res = await post(c.researcher.session, `/api/disclosures/${d.id}/transitions`, { action: 'submit' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const patentNumber = (() => {
  const digits = '202610' + String(Date.now() % 1_000_000).padStart(6, '0');
  return `${digits}.${patentCheckChar(digits)}`;
})();

describe('invention disclosure → assessment → decision → achievement → distribution', () => {
  it('walks the chain, with the rules on the way', async () => {
    const c = await cast();

    // Contributions must add up to exactly 100.
    const bad = await post(
      c.researcher.session,
      '/api/disclosures',
      disclosureBody(c, { inventors: [{ name: '王立新', organizationName: '津沽大学', contributionPct: 99.5 }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toContain('body.inventors');

    const created = await post(c.researcher.session, '/api/disclosures', disclosureBody(c));
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', publiclyFunded: true });
    expect(draft.clocks).toContainEqual(expect.objectContaining({ kind: 'planned_publication', deadline: '2027-05-09' }));

    // Submitting needs every inventor's confirmation; nobody confirms for another inventor with an account.
    const early = await post(c.researcher.session, `/api/disclosures/${draft.id}/transitions`, { action: 'submit' });
    expect(early.statusCode).toBe(400);
    expect((await post(c.coInventor.session, `/api/disclosures/${draft.id}/inventors/${draft.inventors[0].id}/confirm`)).statusCode).toBe(
      403,
    );
    // Seen only by the submitter, inventors and the TTO: a colleague and an outsider get 404.
    expect((await get(c.colleague.session, `/api/disclosures/${draft.id}`)).statusCode).toBe(404);
    expect((await get(c.outsider.session, `/api/disclosures/${draft.id}`)).statusCode).toBe(404);

    const d = await submitted(c);
    expect(d.status).toBe('submitted');
    // Four months from the complete disclosure, at the close of the Beijing day.
    const due = new Date(d.decisionDueAt).getTime() - clock.now().getTime();
    expect(due).toBeGreaterThan(119 * 86_400_000);
    expect(due).toBeLessThan(124 * 86_400_000);
    expect((await get(c.manager.session, '/api/disclosures/queue')).json().items.map((i: { id: string }) => i.id)).toContain(d.id);

    // The TTO assesses before deciding (教科技〔2020〕1号); an invited reviewer sees no confidential part.
    expect((await post(c.manager.session, `/api/disclosures/${d.id}/transitions`, { action: 'start_assessment' })).statusCode).toBe(200);
    // Optional experts: a panel drawn by the shared scoring engine; the university's own experts are excluded.
    const inHouse = await createUser(t.db, { role: 'expert', organizationId: c.university.id });
    await createExpert({ db: t.db, actor: systemActor('test'), input: expertBody(inHouse.id, '本校专家') });
    const outside = await createUser(t.db, { role: 'expert' });
    await createExpert({ db: t.db, actor: systemActor('test'), input: expertBody(outside.id, '外校专家 孙教授') });
    const reviewer = { user: outside, session: await loginAs(t.app, outside) };
    expect((await post(c.manager.session, `/api/disclosures/${d.id}/panel`, { size: 2 })).statusCode).toBe(409);
    const paneled = await post(c.manager.session, `/api/disclosures/${d.id}/panel`, { size: 1 });
    expect(paneled.statusCode, paneled.body).toBe(200);
    expect(paneled.json().expertPanel).toMatchObject({ size: 1, complete: false, experts: [{ name: '外校专家 孙教授' }] });
    const asReviewer = (await get(reviewer.session, `/api/disclosures/${d.id}`)).json();
    expect(asReviewer.confidential).toBeNull();
    expect(asReviewer.thirdPartyMaterials).toEqual([]);
    expect((await get(c.coInventor.session, `/api/disclosures/${d.id}`)).json().confidential.description).toContain('三甲基铝');

    const decision = {
      decision: 'file_patent',
      reason: '新颖性与市场前景较好，建议申请发明专利。',
      patent: { kind: 'invention_patent', number: patentNumber, title: '一种高镍正极材料的表面包覆方法' },
      patentFiledOn: clock.now().toISOString().slice(0, 10),
    };
    const tooEarly = await post(c.manager.session, `/api/disclosures/${d.id}/decision`, decision);
    expect(tooEarly.statusCode).toBe(409);

    const panelId = paneled.json().expertPanel.panelId;
    const overWeight = await post(reviewer.session, `/api/panels/${panelId}/scores`, {
      scores: { patentability: 41, market: 30, readiness: 20 },
    });
    expect(overWeight.statusCode).toBe(400);
    expect(fields(overWeight)).toEqual(['body.scores.patentability']);
    const expertScored = await post(reviewer.session, `/api/panels/${panelId}/scores`, {
      scores: { patentability: 30, market: 25, readiness: 15 },
    });
    expect(expertScored.statusCode, expertScored.body).toBeLessThan(300);
    // Experts score on their panel, not as the technology manager.
    expect(
      (
        await post(reviewer.session, `/api/disclosures/${d.id}/assessments`, {
          scores: { patentability: 30, market: 25, readiness: 15 },
          recommendation: 'know_how',
        })
      ).statusCode,
    ).toBe(403);
    const assessed = await post(c.manager.session, `/api/disclosures/${d.id}/assessments`, {
      scores: { patentability: 36, market: 28, readiness: 18 },
      recommendation: 'file_patent',
      comment: '检索未见相同技术方案。',
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect(assessed.json()).toMatchObject({ assessmentMean: 82, expertPanel: { complete: true, mean: 70 } });

    // The application number's check character is verified.
    const wrongNumber = await post(c.manager.session, `/api/disclosures/${d.id}/decision`, {
      ...decision,
      patent: { ...decision.patent, number: patentNumber.replace(/.$/, (x) => (x === '0' ? '1' : '0')) },
    });
    expect(wrongNumber.statusCode).toBe(400);
    expect(fields(wrongNumber)).toEqual(['body.patent.number']);
    const decided = await post(c.manager.session, `/api/disclosures/${d.id}/decision`, decision);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'file_patent', actions: ['create_achievement'] });
    expect(decided.json().clocks).toContainEqual(expect.objectContaining({ kind: 'paris_priority' }));

    // The decision becomes an achievement without retyping.
    const made = await post(c.manager.session, `/api/disclosures/${d.id}/achievement`);
    expect(made.statusCode, made.body).toBe(201);
    const achievementId = made.json().achievementId;
    const achievement = (await get(c.manager.session, `/api/achievements/${achievementId}`)).json();
    expect(achievement).toMatchObject({
      status: 'draft',
      title: '一种高镍正极材料的表面包覆方法',
      publicFunding: true,
      ipAssets: [{ kind: 'invention_patent', number: patentNumber }],
    });
    expect((await post(c.manager.session, `/api/disclosures/${d.id}/achievement`)).statusCode).toBe(409);

    // The income of a registered contract of the university: ¥1.2M received, ¥80 000 of costs.
    const contract = await submitApplication(c);
    expect((await certify(c, contract.id)).statusCode).toBe(200);
    const distributionBody = {
      sourceKind: 'contract',
      sourceId: contract.id,
      route: 'transfer',
      achievementId,
      receipts: [{ receivedOn: '2026-11-20', amountFen: 120_000_000, reference: '银行回单 20261120-01' }],
      costs: [
        { kind: 'patent_fee', description: '申请费、实审费、年费', amountFen: 5_000_000 },
        { kind: 'brokerage', description: '技术经理人服务费', amountFen: 3_000_000 },
      ],
      mainContributorsMinPct: 50,
      organizationRule: '《津沽大学科技成果转化管理办法》第十二条',
      inventors: [
        { name: '王立新', userId: c.researcher.user.id, contributionPct: 60, mainContributor: true },
        { name: '李静', userId: c.coInventor.user.id, contributionPct: 30 },
        { name: '赵明（合作单位）', contributionPct: 10 },
      ],
    };
    expect((await post(c.researcher.session, '/api/income-distributions', distributionBody)).statusCode).toBe(403);
    const createdDist = await post(c.manager.session, '/api/income-distributions', distributionBody);
    expect(createdDist.statusCode, createdDist.body).toBe(201);
    const dist = createdDist.json();
    // Tianjin: 70 % of net ¥1 120 000 = ¥784 000, split 60/30/10.
    expect(dist).toMatchObject({
      grossIncomeFen: 120_000_000,
      costsFen: 8_000_000,
      netIncomeFen: 112_000_000,
      teamSharePct: 70,
      floorPct: 70,
      teamShareFen: 78_400_000,
      problems: [],
    });
    expect(dist.floorSource).toContain('天津');
    expect(dist.statements.map((s: { amountFen: number }) => s.amountFen)).toEqual([47_040_000, 23_520_000, 7_840_000]);
    expect(dist.statements[0].taxNotes.join()).toContain('财税〔2018〕58号');

    // An organisation share below the floor is refused, naming the field.
    const below = await c.manager.session.inject({
      method: 'PUT',
      url: `/api/income-distributions/${dist.id}`,
      payload: { ...distributionBody, organizationSharePct: 60 },
    });
    expect(below.statusCode).toBe(400);
    expect(fields(below)).toEqual(['body.organizationSharePct']);

    const tr = (s: LoggedIn, body: Record<string, unknown>) => post(s, `/api/income-distributions/${dist.id}/transitions`, body);
    expect((await tr(c.manager.session, { action: 'submit' })).statusCode).toBe(200);
    // The co-inventor sees only their own statement.
    const own = (await get(c.coInventor.session, `/api/income-distributions/${dist.id}`)).json();
    expect(own.statements).toEqual([expect.objectContaining({ name: '李静', amountFen: 23_520_000 })]);
    expect((await get(c.outsider.session, `/api/income-distributions/${dist.id}`)).statusCode).toBe(404);
    // Maker ≠ checker: an admin who made a distribution cannot approve it; another admin can.
    const approved = await tr(c.admin.session, { action: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: c.admin.user.id });
    const paid = await tr(c.manager.session, { action: 'pay', reference: '工资系统批次 2026-12-奖励-03', paidOn: '2026-12-05' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('paid');

    expect(await distributionSummary(t.db, c.university.id, 2026)).toEqual({
      cashFen: 78_400_000,
      equityFen: 0,
      persons: 3,
      byMode: { transfer: { distributions: 1, netIncomeFen: 112_000_000, teamShareFen: 78_400_000, persons: 3 } },
    });
    expect(await distributionSummary(t.db, c.university.id, 2025)).toMatchObject({ cashFen: 0, persons: 0 });

    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'income_distribution'), eq(auditLog.entityId, dist.id)))
      .orderBy(asc(auditLog.seq));
    expect(audited.map((a) => a.action)).toEqual([
      'income_distribution.create',
      'income_distribution.submit',
      'income_distribution.approve',
      'income_distribution.pay',
    ]);
    const disclosureAudit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(disclosureAudit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'disclosure.create',
        'disclosure.confirm_inventor',
        'disclosure.submit',
        'disclosure.assess',
        'disclosure.decide',
        'disclosure.create_achievement',
      ]),
    );
  }, 90_000); // a disclosure, a panel, a registration and a distribution: slow on a loaded machine

  it('the maker of a distribution cannot approve it', async () => {
    const c = await cast();
    const contract = await submitApplication(c);
    expect((await certify(c, contract.id)).statusCode).toBe(200);
    const res = await post(c.admin.session, '/api/income-distributions', {
      sourceKind: 'contract',
      sourceId: contract.id,
      route: 'licence',
      receipts: [{ receivedOn: '2026-11-01', amountFen: 10_000_00, reference: '回单 1' }],
      inventors: [{ name: '王立新', contributionPct: 100 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await post(c.admin.session, `/api/income-distributions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    const self = await post(c.admin.session, `/api/income-distributions/${id}/transitions`, { action: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('maker');
    // A broker may prepare but not approve.
    expect((await post(c.manager.session, `/api/income-distributions/${id}/transitions`, { action: 'approve' })).statusCode).toBe(403);
    const other = await createUser(t.db, { role: 'org_admin', organizationId: c.university.id });
    const otherSession = await loginAs(t.app, other);
    expect((await post(otherSession, `/api/income-distributions/${id}/transitions`, { action: 'approve' })).statusCode).toBe(200);
  });

  it('a disclosure not decided in time is on the overdue list and the TTO is reminded once', async () => {
    const c = await cast();
    const d = await submitted(c);
    expect((await get(c.manager.session, '/api/disclosures/queue?overdue=true')).json().items).toEqual([]);
    clock.advance(110 * 86_400_000);
    const soon = await sendDecisionReminders({ db: t.db });
    expect(soon.dueSoon).toBeGreaterThanOrEqual(1);
    clock.advance(15 * 86_400_000);
    // Sessions lapse over four months: log in again.
    const manager = await loginAs(t.app, c.manager.user);
    const researcher = await loginAs(t.app, c.researcher.user);
    const overdue = await get(manager, '/api/disclosures/queue?overdue=true');
    expect(overdue.json().items).toEqual([expect.objectContaining({ id: d.id, overdue: true })]);
    const first = await sendDecisionReminders({ db: t.db });
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect((await sendDecisionReminders({ db: t.db })).overdue).toBe(0);
    const notes = (await get(manager, '/api/me/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(notes).toEqual(expect.arrayContaining(['disclosure_submitted', 'disclosure_due_soon', 'disclosure_overdue']));
    // The researcher (not TTO staff) is not reminded.
    const researcherNotes = (await get(researcher, '/api/me/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(researcherNotes).not.toContain('disclosure_overdue');
  });
});

describe('POST /api/income-distributions/preview', () => {
  it('applies the region’s rule walking up the region tree, the nation’s where none, and sums exactly', async () => {
    const member = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const inventors = [
      { name: '甲', contributionPct: 33.33 },
      { name: '乙', contributionPct: 33.33 },
      { name: '丙', contributionPct: 33.34 },
    ];
    const tj = await post(member.session, '/api/income-distributions/preview', {
      netIncomeFen: 1_000_001,
      regionCode: '12011601',
      route: 'licence',
      inventors,
    });
    expect(tj.statusCode, tj.body).toBe(200);
    const body = tj.json();
    expect(body).toMatchObject({ teamShareFen: 700_001, teamSharePct: 70, ruleRegionCode: '120000' });
    expect(body.source).toContain('天津市促进科技成果转化条例');
    expect(body.perInventor.reduce((s: number, p: { amountFen: number }) => s + p.amountFen, 0)).toBe(700_001);

    const js = (
      await post(member.session, '/api/income-distributions/preview', {
        netIncomeFen: 1_000_000,
        regionCode: '320506',
        route: 'equity',
        inventors,
      })
    ).json();
    expect(js).toMatchObject({ teamShareFen: 500_000, teamSharePct: 50, ruleRegionCode: null });
    expect(js.source).toContain('第四十五条');

    const zero = (
      await post(member.session, '/api/income-distributions/preview', {
        netIncomeFen: 0,
        regionCode: '120000',
        route: 'transfer',
        inventors,
      })
    ).json();
    expect(zero.teamShareFen).toBe(0);
    expect(zero.perInventor.map((p: { amountFen: number }) => p.amountFen)).toEqual([0, 0, 0]);

    const negative = await post(member.session, '/api/income-distributions/preview', {
      netIncomeFen: -1,
      regionCode: '120000',
      route: 'transfer',
      inventors,
    });
    expect(negative.statusCode).toBe(400);
    expect(fields(negative)).toEqual(['body.netIncomeFen']);
    const notHundred = await post(member.session, '/api/income-distributions/preview', {
      netIncomeFen: 100,
      regionCode: '120000',
      route: 'transfer',
      inventors: [{ name: '甲', contributionPct: 50 }],
    });
    expect(fields(notHundred)).toEqual(['body.inventors']);
    // Stores nothing; needs a login.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/income-distributions/preview',
          payload: { netIncomeFen: 1, regionCode: '120000', route: 'transfer', inventors },
        })
      ).statusCode,
    ).toBe(401);
  });
});
