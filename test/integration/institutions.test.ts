// Demonstration institutions (示范机构): a city officer opens a round with thresholds as data; an
// institution applies and the platform prefills and checks its figures; experts score; the results
// are published under notice and the title is granted. Plus the public directory and alliances.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ApplicationView, InstitutionSummary, InstitutionView, RoundView } from '../../common/api/institutions.js';
import { systemActor } from '../../server/lib/actor.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { createExpert } from '../../server/modules/experts/service.js';
import { clock } from '../../server/lib/clock.js';
import { auditLog } from '../../server/lib/schema.js';
import { createLoggedInUser, createOrganization, createUser, loginAs, unique, type LoggedIn, type TestUser } from '../factories.js';
import { useTestApp } from '../harness.js';
import { certify, fieldErrors, registrationCast, submitApplication } from './contracts-fixtures.js';

const t = useTestApp();
const DAY = 86_400_000;

const amount = (fen: number) => ({
  contractAmountFen: fen,
  nonTechnicalCosts: [],
  payments: [{ dueOn: null, amountFen: fen, condition: '签约后 30 日内' }],
});

/** A tech-transfer institution with its admin, a profile and (optionally) an accredited broker who brokered registered contracts. */
async function institution(officer: LoggedIn, opts: { brokers: boolean; contractsFen: number[]; foundedOn: string; staff: number }) {
  const org = await createOrganization(t.db, { type: 'transfer_institution', name: `天津测试技术转移中心 ${unique()}` });
  const admin = (await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: org.id })).session;
  const profile = await admin.inject({
    method: 'PUT',
    url: `/api/institutions/${org.id}/profile`,
    payload: {
      services: ['transfer', 'consulting_service', 'evaluation'],
      foundedOn: opts.foundedOn,
      fullTimeStaff: opts.staff,
      totalStaff: opts.staff + 2,
      serviceDescription: '专利转让、许可与技术评价。',
    },
  });
  expect(profile.statusCode, profile.body).toBe(200);
  if (opts.brokers) {
    const user = await createUser(t.db, { role: 'broker', organizationId: org.id });
    const b = await officer.inject({
      method: 'POST',
      url: '/api/brokers',
      payload: { name: `经纪人 ${unique()}`, userId: user.id, employingOrganizationId: org.id },
    });
    expect(b.statusCode, b.body).toBe(201);
    const a = await officer.inject({
      method: 'POST',
      url: `/api/brokers/${b.json().id}/accreditations`,
      payload: {
        tier: 'junior_broker',
        certificateNumber: `JJR-${unique()}`,
        issuedOn: '2024-01-10',
        expiresOn: '2030-01-09',
        issuer: '天津市科学技术局',
      },
    });
    expect(a.statusCode, a.body).toBe(201);
    const cast = await registrationCast(t);
    for (const fen of opts.contractsFen) {
      const c = await submitApplication(cast, { broker: { userId: user.id, name: '经纪人' }, ...amount(fen) });
      expect((await certify(cast, c.id)).statusCode).toBe(200);
    }
  }
  return { org, admin };
}

/** An expert in the pool (the shared engine draws panels from it), with an account. */
async function poolExpert(organizationId?: string) {
  const user = await createUser(t.db, { role: 'expert', organizationId });
  await createExpert({
    db: t.db,
    actor: systemActor('test'),
    input: {
      userId: user.id,
      name: `专家${user.id.slice(0, 4)}`,
      title: '研究员',
      fieldCodes: ['D15'],
      keywords: '技术转移 评价',
      email: `${user.id.slice(0, 8)}@example.test`,
      available: true,
    },
  });
  return user;
}

const today = () => localDateOf(clock.now());
const yearsAgo = (n: number) => `${Number(today().slice(0, 4)) - n}${today().slice(4)}`.replace(/-02-29$/, '-02-28');

describe('demonstration institutions', { timeout: 180_000 }, () => {
  it('round → apply (prefilled, checked) → close → score → publish under notice → title', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const good = await institution(officer, {
      brokers: true,
      contractsFen: [120_000_000, 100_000_000, 90_000_000],
      foundedOn: yearsAgo(2),
      staff: 3,
    });
    const young = await institution(officer, { brokers: false, contractsFen: [], foundedOn: yearsAgo(1), staff: 2 });

    // A district officer does not run the city's round; the city officer does.
    const district = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' })).session;
    const year = Number(today().slice(0, 4)) + 1; // assesses this year as "last year"
    const body = {
      year,
      title: `${year}年度天津市技术转移示范机构认定`,
      applicationDeadline: today(),
      passMark: 70,
      panelSize: 5,
      noticeWorkingDays: 7,
      termYears: 3,
    };
    expect((await district.inject({ method: 'POST', url: '/api/demonstration-rounds', payload: body })).statusCode).toBe(403);
    const opened = await officer.inject({ method: 'POST', url: '/api/demonstration-rounds', payload: body });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json() as RoundView;
    expect(round.thresholds.map((th) => th.key)).toEqual([
      'years_operating',
      'certified_brokers',
      'full_time_staff',
      'deals_last_year',
      'income_or_contracts',
      'no_complaints',
    ]);
    expect(round.thresholds.every((th) => th.source.length > 0)).toBe(true);

    // The institution applies; the platform fills in what it knows and checks every threshold.
    const applied = await good.admin.inject({
      method: 'POST',
      url: `/api/demonstration-rounds/${round.id}/applications`,
      payload: { declaredComplaintsLast2Years: 0, statement: '近两年服务企业 40 余家。' },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const app = applied.json() as ApplicationView;
    const figure = (a: ApplicationView, m: string) => a.figures.find((f) => f.metric === m)!;
    expect(figure(app, 'deals_last_year')).toEqual({ metric: 'deals_last_year', value: 3, origin: 'platform' });
    expect(figure(app, 'contract_amount_last_year_fen')).toEqual({
      metric: 'contract_amount_last_year_fen',
      value: 310_000_000,
      origin: 'platform',
    });
    expect(figure(app, 'certified_brokers').value).toBe(1);
    expect(figure(app, 'years_operating')).toEqual({ metric: 'years_operating', value: 2, origin: 'profile' });
    expect(app.checks.map((c) => [c.key, c.passed])).toEqual([
      ['years_operating', true],
      ['certified_brokers', true],
      ['full_time_staff', true],
      ['deals_last_year', true],
      ['income_or_contracts', true],
      ['no_complaints', true],
    ]);
    expect(app.actions).toEqual(['edit', 'submit', 'withdraw']);

    const weak = (
      await young.admin.inject({
        method: 'POST',
        url: `/api/demonstration-rounds/${round.id}/applications`,
        payload: { declaredComplaintsLast2Years: 0 },
      })
    ).json() as ApplicationView;
    expect(weak.checks.filter((c) => !c.passed).map((c) => [c.key, c.conditions[0]!.value])).toEqual([
      ['years_operating', 1],
      ['certified_brokers', 0],
      ['full_time_staff', 2],
      ['deals_last_year', 0],
      ['income_or_contracts', 0],
    ]);
    // Another institution's admin cannot see or submit it.
    expect((await good.admin.inject({ method: 'GET', url: `/api/demonstration-applications/${weak.id}` })).statusCode).toBe(404);

    for (const [who, id] of [
      [good.admin, app.id],
      [young.admin, weak.id],
    ] as const) {
      const res = await who.inject({
        method: 'POST',
        url: `/api/demonstration-applications/${id}/transitions`,
        payload: { action: 'submit' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    // Applications close after the deadline; the checks decide who is scored.
    expect(
      (
        await officer.inject({
          method: 'POST',
          url: `/api/demonstration-rounds/${round.id}/transitions`,
          payload: { action: 'close_applications' },
        })
      ).statusCode,
    ).toBe(409);
    clock.advance(2 * DAY);
    const closed = await officer.inject({
      method: 'POST',
      url: `/api/demonstration-rounds/${round.id}/transitions`,
      payload: { action: 'close_applications' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const statusOf = async (id: string) =>
      ((await officer.inject({ method: 'GET', url: `/api/demonstration-applications/${id}` })).json() as ApplicationView).status;
    expect(await statusOf(app.id)).toBe('scoring');
    expect(await statusOf(weak.id)).toBe('ineligible');

    // The panel is drawn from the expert pool on the shared engine; the applicant's own expert is never drawn.
    const insider = await poolExpert(good.org.id);
    const experts: TestUser[] = [];
    for (let i = 0; i < 5; i++) experts.push(await poolExpert());
    const drawn = await officer.inject({ method: 'POST', url: `/api/demonstration-applications/${app.id}/panel`, payload: { size: 5 } });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const panelId = (drawn.json() as ApplicationView).panel!.panelId;
    expect((await officer.inject({ method: 'POST', url: `/api/demonstration-applications/${app.id}/panel`, payload: {} })).statusCode).toBe(
      409,
    );
    expect(
      (await (await loginAs(t.app, insider)).inject({ method: 'GET', url: `/api/demonstration-applications/${app.id}` })).statusCode,
    ).toBe(404);

    const sheets = [
      { basic_conditions: 9, service_performance: 28, service_capability: 27, management: 18, reputation: 8 }, // 90
      { basic_conditions: 6, service_performance: 18, service_capability: 18, management: 12, reputation: 6 }, // 60
      { basic_conditions: 8, service_performance: 22, service_capability: 23, management: 15, reputation: 7 }, // 75
      { basic_conditions: 8, service_performance: 24, service_capability: 24, management: 16, reputation: 8 }, // 80
      { basic_conditions: 7, service_performance: 21, service_capability: 21, management: 14, reputation: 7 }, // 70
    ];
    const score = async (i: number, scores: Record<string, number>) =>
      (await loginAs(t.app, experts[i]!)).inject({
        method: 'POST',
        url: `/api/panels/${panelId}/scores`,
        payload: { scores, comment: '服务绩效突出' },
      });
    for (let i = 0; i < 4; i++) {
      const res = await score(i, sheets[i]!);
      expect(res.statusCode, res.body).toBe(200);
    }
    const seated = await (await loginAs(t.app, experts[0]!)).inject({ method: 'GET', url: `/api/demonstration-applications/${app.id}` });
    expect(seated.statusCode).toBe(200);
    expect((seated.json() as ApplicationView).myScores).toEqual(sheets[0]);
    const over = await score(4, { ...sheets[4]!, basic_conditions: 11 });
    expect(over.statusCode).toBe(400);
    expect(
      fieldErrors(over)
        .map((e) => e.field)
        .join(),
    ).toContain('basic_conditions');
    // Not all five have scored: the round cannot be published.
    const early = await officer.inject({
      method: 'POST',
      url: `/api/demonstration-rounds/${round.id}/transitions`,
      payload: { action: 'publish' },
    });
    expect(early.statusCode).toBe(409);
    expect((await score(4, sheets[4]!)).statusCode).toBe(200);

    const published = await officer.inject({
      method: 'POST',
      url: `/api/demonstration-rounds/${round.id}/transitions`,
      payload: { action: 'publish' },
    });
    expect(published.statusCode, published.body).toBe(200);
    const view = published.json() as RoundView;
    expect(view.status).toBe('notice');
    expect(view.noticeEndsAt).not.toBeNull();
    // Five totals: the highest (90) and lowest (60) dropped, mean of 70, 75, 80.
    const scored = (await officer.inject({ method: 'GET', url: `/api/demonstration-applications/${app.id}` })).json() as ApplicationView;
    expect(scored).toMatchObject({ status: 'approved', mean: 75, panel: { complete: true, mean: 75 } });
    expect(
      scored
        .panel!.scorers.filter((s) => s.dropped)
        .map((s) => s.total)
        .sort(),
    ).toEqual([60, 90]);
    // The public sees the approved institution and its score, not who scored it.
    const publicRound = (await t.app.inject({ method: 'GET', url: `/api/demonstration-rounds/${round.id}` })).json() as RoundView;
    expect(publicRound.results).toEqual([{ organization: { id: good.org.id, name: good.org.name }, mean: 75, status: 'approved' }]);

    // The title comes after the notice period (working days through the calendar).
    expect(
      (await officer.inject({ method: 'POST', url: `/api/demonstration-rounds/${round.id}/transitions`, payload: { action: 'finalise' } }))
        .statusCode,
    ).toBe(409);
    clock.advance(Date.parse(view.noticeEndsAt!) - clock.now().getTime() + 1000);
    const finalised = await officer.inject({
      method: 'POST',
      url: `/api/demonstration-rounds/${round.id}/transitions`,
      payload: { action: 'finalise' },
    });
    expect(finalised.statusCode, finalised.body).toBe(200);

    const detail = (await t.app.inject({ method: 'GET', url: `/api/institutions/${good.org.id}` })).json() as InstitutionView;
    expect(detail.demonstration).toMatchObject({ roundId: round.id, year, status: 'held', failingYears: 0 });
    expect(Number(detail.demonstration!.expiresOn.slice(0, 4)) - Number(detail.demonstration!.awardedOn.slice(0, 4))).toBe(3);
    expect(detail.serviceRecord).toMatchObject({ dealsBrokered: 3, contractAmountFen: 310_000_000, enterprisesServed: 3 });
    expect(detail.certifiedBrokers).toBe(1);
    const demos = (await t.app.inject({ method: 'GET', url: '/api/institutions?demonstration=true' })).json() as {
      items: InstitutionSummary[];
    };
    expect(demos.items.map((i) => i.id)).toContain(good.org.id);
    expect(demos.items.map((i) => i.id)).not.toContain(young.org.id);

    const actions = (
      await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, round.id)))
        .orderBy(asc(auditLog.seq))
    ).map((r) => r.action);
    expect(actions).toEqual([
      'demonstration_round.open',
      'demonstration_round.close_applications',
      'demonstration_round.publish',
      'demonstration_round.finalise',
    ]);
    clock.reset();
  });

  it('the directory and an alliance with its lead are public; only certifiers keep alliances', async () => {
    const officer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer' })).session;
    const lead = await createOrganization(t.db, { type: 'transfer_institution', name: `联盟牵头单位 ${unique()}` });
    const member = await createOrganization(t.db, { type: 'university' });
    const payload = {
      name: `京津冀技术转移联盟 ${unique()}`,
      foundedOn: '2024-03-01',
      leadOrganizationId: lead.id,
      memberOrganizationIds: [member.id],
    };
    const admin = (await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: lead.id })).session;
    expect((await admin.inject({ method: 'POST', url: '/api/alliances', payload })).statusCode).toBe(403);
    const created = await officer.inject({ method: 'POST', url: '/api/alliances', payload });
    expect(created.statusCode, created.body).toBe(201);
    const alliance = created.json();
    expect(alliance.members).toEqual([
      expect.objectContaining({ id: lead.id, lead: true }),
      expect.objectContaining({ id: member.id, lead: false }),
    ]);
    expect((await officer.inject({ method: 'DELETE', url: `/api/alliances/${alliance.id}/members/${lead.id}` })).statusCode).toBe(409);

    const list = await t.app.inject({ method: 'GET', url: `/api/institutions?q=${encodeURIComponent(lead.name)}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: lead.id, hasProfile: false, demonstration: null })]);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/institutions/${lead.id}` })).json() as InstitutionView;
    expect(detail.alliances).toEqual([{ id: alliance.id, name: payload.name, lead: true }]);
    // A university is not in the institutions directory.
    expect((await t.app.inject({ method: 'GET', url: `/api/institutions/${member.id}` })).statusCode).toBe(404);
    // Only its own admin edits a profile.
    const bad = await admin.inject({
      method: 'PUT',
      url: `/api/institutions/${lead.id}/profile`,
      payload: { services: [], foundedOn: '2020-01-01', fullTimeStaff: 3, totalStaff: 5 },
    });
    expect(fieldErrors(bad)).toContainEqual(expect.objectContaining({ field: 'body.services' }));
    const other = (await createLoggedInUser(t.app, t.db, { role: 'org_admin' })).session;
    expect(
      (
        await other.inject({
          method: 'PUT',
          url: `/api/institutions/${lead.id}/profile`,
          payload: { services: ['transfer'], foundedOn: '2020-01-01', fullTimeStaff: 3, totalStaff: 5 },
        })
      ).statusCode,
    ).toBe(403);
  });
});
