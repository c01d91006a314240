// Subsidy programmes paid on registered contracts: the platform computes an organisation's eligible
// contracts and amount from certified contracts (line by line), and the application goes through the
// district's check, review, approval, public notice and payment.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { systemActor } from '../../server/lib/actor.js';
import { auditLog } from '../../server/lib/schema.js';
import { createExpert } from '../../server/modules/experts/service.js';
import { createLoggedInUser, createOrganization, createUser, loginAs, uniqueCreditCode, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certify, registrationCast, submitApplication, type RegistrationCast } from './contracts-fixtures.js';

const t = useTestApp();
const WAN = 1_000_000;

const year = () => Number(localDateOf(clock.now()).slice(0, 4));
const tianjinBuyer = (name: string) => ({
  name,
  organizationType: 'enterprise' as const,
  country: 'CN',
  regionCode: '120104',
  creditCode: uniqueCreditCode('120104'),
});

/** Three certified contracts of one university: a transfer to a Tianjin buyer, one to Beijing, a one-year licence in Tianjin. */
async function registered(cast: RegistrationCast, opts: { buyerOrganizationId?: string } = {}) {
  const ids: string[] = [];
  for (const overrides of [
    { buyer: { ...tianjinBuyer('天津河东精密机械有限公司'), organizationId: opts.buyerOrganizationId } },
    {},
    {
      type: 'license' as const,
      subtype: 'patent_license',
      buyer: tianjinBuyer('天津南开光电有限公司'),
      validFrom: '2026-09-01',
      validUntil: '2027-08-31',
    },
  ]) {
    const app = await submitApplication(cast, overrides);
    const res = await certify(cast, app.id);
    expect(res.statusCode, res.body).toBe(200);
    ids.push(app.id);
  }
  return ids;
}

async function programme(officer: LoggedIn, overrides: Record<string, unknown> = {}) {
  const day = localDateOf(clock.now());
  const res = await officer.inject({
    method: 'POST',
    url: '/api/subsidy-programmes',
    payload: {
      name: `${year()} 年度技术合同登记补助`,
      issuer: '天津市科学技术局',
      documentNumber: '津科规〔2026〕1号（测试）',
      regionCode: '120000',
      year: year(),
      applicantRoles: ['seller', 'buyer'],
      contractTypes: ['transfer', 'license', 'development'],
      basis: 'paid',
      buyerRegionCode: '120000',
      minLicenceYears: 3,
      requireSme: false,
      schedule: { tiers: [{ uptoFen: null, basisPoints: 200 }], capFenPerOrganizationYear: 100 * WAN },
      opensOn: day,
      closesOn: day,
      noticeWorkingDays: 5,
      minReviewers: 3,
      sources: { schedule: '河南省 2022 年技术合同补助（例）' },
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** An expert in the pool the shared panels engine draws from, with an account. */
async function poolExpert(name: string, organizationId?: string) {
  const user = await createUser(t.db, { role: 'expert', organizationId });
  await createExpert({
    db: t.db,
    actor: systemActor('test'),
    input: {
      userId: user.id,
      name,
      title: '研究员',
      fieldCodes: ['D15'],
      keywords: '技术合同 成果转化',
      email: `${user.id.slice(0, 8)}@example.test`,
      available: true,
    },
  });
  return user;
}

const estimate = (s: LoggedIn, programmeId: string, organizationId: string, simulate = false) =>
  s.inject({
    method: 'GET',
    url: `/api/subsidy-programmes/${programmeId}/estimate?organizationId=${organizationId}&assumeFullyPaid=${simulate}`,
  });

describe('subsidy estimate over registered contracts', { timeout: 120_000 }, () => {
  it('counts only paid contracts with a buyer in the city and a licence of ≥ 3 years, line by line', async () => {
    const cast = await registrationCast(t);
    const [inCity, beijing, shortLicence] = await registered(cast);
    const officer = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120000' });
    const p = await programme(officer.session);

    // Nothing paid yet: the contract in the city is listed but not counted.
    const res = await estimate(cast.applicantSession, p.id, cast.applicantOrg.id);
    expect(res.statusCode, res.body).toBe(200);
    let e = res.json();
    expect(e).toMatchObject({ eligibleContracts: 0, amountFen: 0 });
    const reasons = Object.fromEntries(e.contracts.map((c: { contractId: string; reasons: string[] }) => [c.contractId, c.reasons]));
    expect(reasons[inCity!]).toEqual(['未登记到账（银行进账单与发票）']);
    expect(reasons[beijing!]).toContain('买方不在天津市');
    expect(reasons[shortLicence!]).toContain('许可期限不足 3 年');

    // The simulator counts it as fully paid: technology transaction amount ¥1,050,000 × 2% = ¥21,000.
    e = (await estimate(cast.applicantSession, p.id, cast.applicantOrg.id, true)).json();
    expect(e).toMatchObject({ eligibleContracts: 1, baseFen: 105_000_000, amountFen: 2_100_000, simulated: true });

    // ¥600,000 received (voucher and invoice): 2% = ¥12,000.
    const pay = await cast.applicantSession.inject({
      method: 'POST',
      url: '/api/subsidy-contract-payments',
      payload: {
        contractId: inCity,
        amountFen: 60_000_000,
        paidOn: '2026-09-15',
        bankVoucherNo: 'JZ20260915001',
        invoiceNo: '12000261234567',
      },
    });
    expect(pay.statusCode, pay.body).toBe(201);
    const dup = await cast.applicantSession.inject({
      method: 'POST',
      url: '/api/subsidy-contract-payments',
      payload: { contractId: inCity, amountFen: 1_000, paidOn: '2026-09-16', bankVoucherNo: 'JZ2', invoiceNo: '12000261234567' },
    });
    expect(dup.statusCode).toBe(409);
    e = (await estimate(cast.applicantSession, p.id, cast.applicantOrg.id)).json();
    expect(e).toMatchObject({ eligibleContracts: 1, baseFen: 60_000_000, amountFen: 1_200_000 });
    expect(e.lines.map((l: { kind: string }) => l.kind)).toEqual(['contract', 'excluded', 'excluded', 'base', 'tier', 'total']);
    expect(e.lines[0].label).toContain('实际到账 ¥600,000.00 计入');
    expect(e.lines.at(-1).label).toBe('支持金额 ¥12,000.00');

    // Who may ask: the district's officer yes; another district's officer, another organisation, anonymous no.
    const binhai = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' });
    expect((await estimate(binhai.session, p.id, cast.applicantOrg.id)).json().amountFen).toBe(1_200_000);
    const heping = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120101' });
    expect((await estimate(heping.session, p.id, cast.applicantOrg.id)).statusCode).toBe(403);
    const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await estimate(stranger.session, p.id, cast.applicantOrg.id)).statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'GET',
      url: `/api/subsidy-programmes/${p.id}/estimate?organizationId=${cast.applicantOrg.id}`,
    });
    expect(anon.statusCode).toBe(401);

    // The public list shows the programme with its sources.
    const list = (await t.app.inject({ method: 'GET', url: '/api/subsidy-programmes' })).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: p.id, open: true, sources: { schedule: '河南省 2022 年技术合同补助（例）' } }),
    );
  });

  it('tiers and the cap apply to the organisation’s total of the year', async () => {
    const cast = await registrationCast(t);
    const ids: string[] = [];
    for (const amount of [300 * WAN, 150 * WAN]) {
      const app = await submitApplication(cast, {
        buyer: tianjinBuyer('天津滨海重工有限公司'),
        contractAmountFen: amount,
        nonTechnicalCosts: [],
        payments: [{ dueOn: null, amountFen: amount, condition: '签约后 30 日内' }],
      });
      expect((await certify(cast, app.id)).statusCode).toBe(200);
      ids.push(app.id);
    }
    const officer = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120000' });
    // The Fuqing shape (0.5% to a bound, 0.3% above, a cap) scaled to ¥3M so the contracts stay under the
    // ¥5M expert-review threshold of registration; on the registered amount.
    const tiered = {
      tiers: [
        { uptoFen: 300 * WAN, basisPoints: 50 },
        { uptoFen: null, basisPoints: 30 },
      ],
      capFenPerOrganizationYear: 100 * WAN,
    };
    const p = await programme(officer.session, { basis: 'registered', schedule: tiered });
    const e = (await estimate(cast.applicantSession, p.id, cast.applicantOrg.id)).json();
    // ¥4.5M: ¥3M × 0.5% = ¥15,000 + ¥1.5M × 0.3% = ¥4,500 → ¥19,500.
    expect(e).toMatchObject({ eligibleContracts: 2, baseFen: 450 * WAN, amountFen: 1_950_000 });
    expect(e.lines.filter((l: { kind: string }) => l.kind === 'tier').map((l: { amountFen: number }) => l.amountFen)).toEqual([
      1_500_000, 450_000,
    ]);
    // A cap of ¥15,000 binds; one of ¥19,500 exactly does not.
    const capped = await programme(officer.session, { basis: 'registered', schedule: { ...tiered, capFenPerOrganizationYear: 1_500_000 } });
    const c = (await estimate(cast.applicantSession, capped.id, cast.applicantOrg.id)).json();
    expect(c.amountFen).toBe(1_500_000);
    const atCap = await programme(officer.session, { basis: 'registered', schedule: { ...tiered, capFenPerOrganizationYear: 1_950_000 } });
    const exact = (await estimate(cast.applicantSession, atCap.id, cast.applicantOrg.id)).json();
    expect(exact.amountFen).toBe(1_950_000);
    expect(exact.lines.map((l: { kind: string }) => l.kind)).not.toContain('cap');
    expect(c.lines.map((l: { kind: string }) => l.kind)).toContain('cap');
    // Broker rewards above 1.5% are refused, naming the field.
    const broker = await officer.session.inject({
      method: 'POST',
      url: '/api/subsidy-programmes',
      payload: {
        ...((await t.app.inject({ method: 'GET', url: `/api/subsidy-programmes/${p.id}` })).json() as Record<string, unknown>),
        applicantRoles: ['broker'],
        schedule: { tiers: [{ uptoFen: null, basisPoints: 200 }], capFenPerOrganizationYear: null },
      },
    });
    expect(broker.statusCode).toBe(400);
    expect(broker.json().errors[0].field).toBe('body.schedule.tiers.0.basisPoints');
  });
});

describe('subsidy application workflow', { timeout: 120_000 }, () => {
  it('apply → district check (return, resubmit) → expert panel → approval → notice → payment; totals per district', async () => {
    const cast = await registrationCast(t);
    const buyer = await createOrganization(t.db, { type: 'enterprise', regionCode: '120102' });
    const [inCity] = await registered(cast, { buyerOrganizationId: buyer.id });
    await cast.applicantSession.inject({
      method: 'POST',
      url: '/api/subsidy-contract-payments',
      payload: { contractId: inCity, amountFen: 105_000_000, paidOn: '2026-09-15', bankVoucherNo: 'JZ001', invoiceNo: 'FP001' },
    });
    const city = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120000' });
    const p = await programme(city.session);
    const apply = await cast.applicantSession.inject({ method: 'POST', url: '/api/subsidy-applications', payload: { programmeId: p.id } });
    expect(apply.statusCode, apply.body).toBe(201);
    const application = apply.json();
    expect(application).toMatchObject({ status: 'submitted', requestedFen: 2_100_000, contractIds: [inCity], actions: ['withdraw'] });
    const again = await cast.applicantSession.inject({ method: 'POST', url: '/api/subsidy-applications', payload: { programmeId: p.id } });
    expect(again.statusCode).toBe(409);

    // The district officer (滨海新区) sees it in the queue; another district's does not.
    const district = await createUser(t.db, { role: 'gov_officer', regionCode: '120116' });
    const officer = await loginAs(t.app, district);
    const queue = (await officer.inject({ method: 'GET', url: '/api/subsidy-applications?status=submitted' })).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(application.id);
    expect(queue.items.find((i: { id: string }) => i.id === application.id).actions).toEqual(['return', 'pass_check', 'reject']);
    const other = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120101' });
    expect(
      (await other.session.inject({ method: 'GET', url: '/api/subsidy-applications' })).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(application.id);
    expect((await other.session.inject({ method: 'GET', url: `/api/subsidy-applications/${application.id}` })).statusCode).toBe(404);

    const step = (s: LoggedIn, body: Record<string, unknown>) =>
      s.inject({ method: 'POST', url: `/api/subsidy-applications/${application.id}/transitions`, payload: body });
    const noNote = await step(officer, { action: 'return' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('body.note');
    expect((await step(officer, { action: 'return', note: '请补充银行进账单扫描件' })).json()).toMatchObject({
      status: 'returned',
      officerNote: '请补充银行进账单扫描件',
    });
    expect((await step(cast.applicantSession, { action: 'pass_check' })).statusCode).toBe(403);
    expect((await step(cast.applicantSession, { action: 'resubmit', note: '已补充' })).json().status).toBe('submitted');
    // The expert review is a panel drawn on the shared engine. Too few experts: the check cannot pass.
    const insider = await poolExpert('申请单位专家', cast.applicantOrg.id); // the applicant's own
    const buyerSide = await poolExpert('买方专家', buyer.id); // the other party of a claimed contract
    const tooFew = await step(officer, { action: 'pass_check' });
    expect(tooFew.statusCode, tooFew.body).toBe(409);
    expect(tooFew.json().errors[0]).toMatchObject({ field: 'size', message: expect.stringContaining('only 0 eligible experts') });
    const reviewers: Awaited<ReturnType<typeof poolExpert>>[] = [];
    for (const name of ['张教授', '李研究员', '王高工']) reviewers.push(await poolExpert(name));
    const passed = await step(officer, { action: 'pass_check' });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: 'in_review', panel: { size: 3, scored: 0, complete: false, mean: null } });
    const panelId = passed.json().panel.panelId as string;
    expect(
      passed
        .json()
        .reviews.map((r: { reviewerName: string }) => r.reviewerName)
        .sort(),
    ).toEqual(['张教授', '李研究员', '王高工'].sort());
    // The applicant sees neither the panel nor the names.
    const asApplicant = (await cast.applicantSession.inject({ method: 'GET', url: `/api/subsidy-applications/${application.id}` })).json();
    expect(asApplicant).toMatchObject({ status: 'in_review', panel: null, reviews: [] });
    // The conflicted experts were set aside, with the reason, in the audit of the panel's opening.
    for (const conflicted of [insider, buyerSide]) {
      const seat = await (await loginAs(t.app, conflicted)).inject({ method: 'GET', url: '/api/me/assignments' });
      expect(seat.json().items ?? []).toEqual([]);
    }
    const [opened] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'panel.open'), eq(auditLog.entityId, panelId)));
    const excluded = (opened!.changes as { excludedForConflict: { to: Array<{ name: string; reason: string }> } }).excludedForConflict.to;
    expect(excluded.map((e) => [e.name, e.reason]).sort()).toEqual([
      ['买方专家', 'same_organization'],
      ['申请单位专家', 'same_organization'],
    ]);
    expect((await step(officer, { action: 'complete_review' })).statusCode).toBe(409);

    const score = async (i: number, scores: Record<string, number>) =>
      (await loginAs(t.app, reviewers[i]!)).inject({
        method: 'POST',
        url: `/api/panels/${panelId}/scores`,
        payload: { scores, comment: '合同真实' },
      });
    const bad = await score(0, { eligibility: 21, contract_quality: 30, outcome: 30, documentation: 20 });
    expect(bad.statusCode).toBe(400);
    for (const [i, total] of [90, 80, 85].entries()) {
      const res = await score(i, { eligibility: 20, contract_quality: 30, outcome: total - 70, documentation: 20 });
      expect(res.statusCode, res.body).toBe(200);
    }
    const reviewed = (await step(officer, { action: 'complete_review' })).json();
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewMean: 85, panel: { scored: 3, complete: true, mean: 85 } });
    expect(reviewed.reviews.map((r: { total: number }) => r.total).sort()).toEqual([80, 85, 90]);
    expect((await step(officer, { action: 'approve' })).statusCode).toBe(400);
    expect((await step(officer, { action: 'approve', meetingOn: localDateOf(clock.now()), approvedFen: 3_000_000 })).statusCode).toBe(400);
    expect((await step(officer, { action: 'approve', meetingOn: localDateOf(clock.now()) })).json()).toMatchObject({
      status: 'approved',
      approvedFen: 2_100_000,
    });
    const noticed = (await step(officer, { action: 'publish_notice' })).json();
    expect(noticed.status).toBe('noticed');
    const early = await step(officer, { action: 'record_payment', paymentReference: 'BK-2026-001' });
    expect(early.statusCode).toBe(409);
    clock.advance(12 * 86400_000); // past five working days whatever the weekday
    const paid = (await step(officer, { action: 'record_payment', paymentReference: 'BK-2026-001' })).json();
    expect(paid).toMatchObject({ status: 'paid', paidFen: 2_100_000, paymentReference: 'BK-2026-001' });

    const totals = (await city.session.inject({ method: 'GET', url: `/api/subsidy-programmes/${p.id}/totals` })).json();
    expect(totals).toMatchObject({ applications: 1, requestedFen: 2_100_000, approvedFen: 2_100_000, paidFen: 2_100_000 });
    expect(totals.districts).toEqual([expect.objectContaining({ regionCode: '120116', regionName: '滨海新区', paidFen: 2_100_000 })]);

    // The applicant was told; the programme's cap now counts what was granted.
    const n = (await cast.applicantSession.inject({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(n.items.map((i: { title: string }) => i.title)).toContain(`「${year()} 年度技术合同登记补助」申报：补助已拨付`);
    const after = (await estimate(cast.applicantSession, p.id, cast.applicantOrg.id)).json();
    expect(after).toMatchObject({ alreadyGrantedFen: 2_100_000, amountFen: 2_100_000 });
  });
});

describe('integrity penalties', { timeout: 120_000 }, () => {
  it('an applicant under a penalty in force is refused, with the penalty named', async () => {
    const cast = await registrationCast(t);
    const [inCity] = await registered(cast);
    await cast.applicantSession.inject({
      method: 'POST',
      url: '/api/subsidy-contract-payments',
      payload: { contractId: inCity, amountFen: 105_000_000, paidOn: '2026-09-15', bankVoucherNo: 'JZ002', invoiceNo: 'FP002' },
    });
    const city = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120000' });
    const p = await programme(city.session);
    const penalty = await city.session.inject({
      method: 'POST',
      url: '/api/integrity/records',
      payload: {
        partyKind: 'organization',
        organizationId: cast.applicantOrg.id,
        misconduct: '在申报技术合同补贴时提供虚假的付款凭证。',
        penaltyKind: 'funding_ban',
        penaltyDetail: '取消 2 年内申报天津市财政科技资金资格',
        decidingBody: '天津市科学技术局',
        legalBasis: 'most_order_19',
        legalBasisDetail: '',
        effectiveOn: localDateOf(new Date(clock.now().getTime() - 86400_000)),
        periodMonths: 24,
      },
    });
    expect(penalty.statusCode, penalty.body).toBe(201);
    const apply = await cast.applicantSession.inject({ method: 'POST', url: '/api/subsidy-applications', payload: { programmeId: p.id } });
    expect(apply.statusCode).toBe(403);
    expect(apply.json().detail).toContain('天津市科学技术局');
    const mine = await cast.applicantSession.inject({
      method: 'GET',
      url: `/api/subsidy-programmes/${p.id}/estimate?organizationId=${cast.applicantOrg.id}`,
    });
    expect(mine.statusCode).toBe(200);
  });
});
