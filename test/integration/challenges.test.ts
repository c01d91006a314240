// Challenges (揭榜比拼): an enterprise need becomes a challenge, staff screen and publish it, teams
// register and submit sealed proposals nobody else can open before the deadline, experts score, the
// shortlist and the award follow, and the winner's award becomes a contract application.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { challengeProposals } from '../../server/modules/challenges/schema.js';
import { auditLog } from '../../server/lib/schema.js';
import {
  createDemand,
  createLoggedInUser,
  createOrganization,
  createUser,
  loginAs,
  unique,
  uniqueCreditCode,
  type LoggedIn,
} from '../factories.js';
import { useTestApp } from '../harness.js';
import { systemActor } from '../../server/lib/actor.js';
import { createExpert } from '../../server/modules/experts/service.js';
import { panelOf } from '../../server/modules/experts/panels.js';

/** An expert in the pool (experts module) for field D15, with an account, logged in. */
async function poolExpert() {
  const e = await createLoggedInUser(t.app, t.db, { role: 'expert' });
  await createExpert({
    db: t.db,
    actor: systemActor('test'),
    input: {
      userId: e.user.id,
      name: `专家${e.user.id.slice(0, 4)}`,
      title: '研究员',
      fieldCodes: ['D15'],
      keywords: '正极材料 包覆改性',
      available: true,
    },
  });
  return e;
}

const t = useTestApp();
const DAY = 86_400_000;
const REPORT = '挑战报告：采用快离子导体原位包覆与体相掺杂协同改性，45℃ 循环 500 周容量保持率 91.5%。';

interface Session {
  session: LoggedIn;
  user: { id: string; organizationId: string | null };
}

async function cast() {
  const sponsorOrg = await createOrganization(t.db, { type: 'enterprise', name: `天津某新能源材料有限公司 ${unique()}` });
  const sponsor = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: sponsorOrg.id });
  const admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
  const officer = await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120000' }));
  const teamA = await createLoggedInUser(t.app, t.db, {
    role: 'org_member',
    organizationId: (await createOrganization(t.db, { type: 'university', name: `天津某大学 ${unique()}` })).id,
  });
  const teamB = await createLoggedInUser(t.app, t.db, {
    role: 'org_admin',
    organizationId: (await createOrganization(t.db, { type: 'research_institute', name: `天津某研究院 ${unique()}` })).id,
  });
  const experts = [await createLoggedInUser(t.app, t.db, { role: 'expert' })];
  const demand = await createDemand(t.db, { by: sponsor.user, status: 'published', input: { title: '高镍正极材料表面包覆改性' } });
  return { sponsor, admin, officer, teamA, teamB, experts, demand };
}

function challengeBody(extra: Record<string, unknown> = {}) {
  const now = t.app.ctx.clock.now().getTime();
  return {
    title: '高镍三元正极材料表面包覆改性技术',
    problem: 'NCM811 正极材料 45℃ 循环 500 周后容量保持率仅 82%，表面残碱高导致浆料凝胶，征集可规模化的改性方案。',
    targets: '容量保持率 ≥ 90%；残碱 ≤ 0.3%',
    fieldCode: 'D15',
    reward: { kind: 'prize', prizes: [{ label: '一等奖', count: 1, amountFen: 50_000_000 }] },
    ipTerms: 'shared_licence',
    timeline: {
      // Days, not weeks: the sessions of the test users last 14 days on the same clock.
      registrationDeadline: new Date(now + 1 * DAY).toISOString(),
      submissionDeadline: new Date(now + 2 * DAY).toISOString(),
      scoringDueAt: new Date(now + 5 * DAY).toISOString(),
    },
    ...extra,
  };
}

const transition = (s: LoggedIn, id: string, payload: Record<string, unknown>) =>
  s.inject({ method: 'POST', url: `/api/challenges/${id}/transitions`, payload });

async function publishedChallenge(c: Awaited<ReturnType<typeof cast>>, extra: Record<string, unknown> = {}) {
  const created = await c.sponsor.session.inject({
    method: 'POST',
    url: '/api/challenges',
    payload: challengeBody({ demandId: c.demand.id, ...extra }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await transition(c.sponsor.session, id, { action: 'submit_for_screening' })).statusCode).toBe(200);
  const published = await transition(c.admin, id, { action: 'publish' });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

const registration = (teamName: string, extra: Record<string, unknown> = {}) => ({
  teamName,
  contactName: '王老师',
  contactPhone: '022-12345678',
  acceptAgreement: true,
  ...extra,
});
const proposal = (title: string) => ({
  title,
  summary: '原位包覆与体相掺杂协同改性，工艺兼容现有烧结线。',
  report: `${REPORT}（${title}）`,
  attachments: [
    { name: '实验数据.txt', text: '循环数据：500 周 91.5%' },
    { name: '工艺图.png', mediaType: 'image/png', dataBase64: Buffer.from('PNG-bytes').toString('base64') },
  ],
});

async function registerAndSubmit(team: Session, id: string, title: string) {
  const reg = await team.session.inject({
    method: 'POST',
    url: `/api/challenges/${id}/registrations`,
    payload: registration(`揭榜团队 ${unique()}`),
  });
  expect(reg.statusCode, reg.body).toBe(201);
  const sub = await team.session.inject({ method: 'POST', url: `/api/challenges/${id}/proposals`, payload: proposal(title) });
  expect(sub.statusCode, sub.body).toBe(201);
  return sub.json() as { id: string; content: { report: string } | null; sealed: boolean; digest: string };
}

describe('challenges', () => {
  it('runs the funnel: demand → challenge → screening → published → sealed proposals → scoring → shortlist → roadshow → award → contract', async () => {
    const c = await cast();
    const id = await publishedChallenge(c);

    // The hall lists it with its deadline for the countdown.
    const hall = await t.app.inject({ method: 'GET', url: '/api/challenges' });
    expect(hall.statusCode).toBe(200);
    const card = hall.json().items.find((i: { id: string }) => i.id === id);
    expect(card).toMatchObject({
      status: 'published',
      rewardTotalFen: 50_000_000,
      submissionDeadline: expect.any(String),
      now: expect.any(String),
    });

    const a = await registerAndSubmit(c.teamA, id, '方案甲');
    const b = await registerAndSubmit(c.teamB, id, '方案乙');
    expect(a).toMatchObject({ sealed: true, content: { report: `${REPORT}（方案甲）` } });

    // Scoring cannot start while submissions are open.
    expect((await transition(c.admin, id, { action: 'start_scoring' })).statusCode).toBe(409);
    // The pool holds three D15 experts: each proposal's panel of three seats them all.
    const experts = [await poolExpert(), await poolExpert(), await poolExpert()];

    t.app.ctx.clock.advance(2 * DAY + 1);
    const scoring = await transition(c.admin, id, { action: 'start_scoring', panelSize: 3 });
    expect(scoring.statusCode, scoring.body).toBe(200);
    expect(scoring.json()).toMatchObject({ status: 'scoring', panels: { opened: 2, complete: 0 } });
    const panel = (await panelOf(t.db, 'challenge_proposal', a.id))!;
    expect(panel.members.map((m) => m.userId).sort()).toEqual(experts.map((e) => e.user.id).sort());

    // After the deadline the sponsor, staff and the assigned experts read the proposals.
    for (const s of [c.sponsor.session, c.admin, experts[0]!.session]) {
      const list = await s.inject({ method: 'GET', url: `/api/challenges/${id}/proposals` });
      expect(list.json().sealed).toBe(false);
      expect(
        list
          .json()
          .items.map((p: { content: { title: string } }) => p.content.title)
          .sort(),
      ).toEqual(['方案乙', '方案甲']);
    }

    // The challenge_proposal sheet of the shared engine: advancement 30, feasibility 25, team 20, benefit 15, budget_schedule 10.
    const sheet = (x: number[]) => ({ advancement: x[0], feasibility: x[1], team: x[2], benefit: x[3], budget_schedule: x[4] });
    const sheets = [
      [sheet([27, 22, 17, 13, 9]), sheet([20, 18, 14, 10, 7])],
      [sheet([26, 23, 18, 14, 8]), sheet([21, 17, 15, 11, 6])],
      [sheet([28, 21, 16, 13, 9]), sheet([22, 19, 13, 12, 8])],
    ];
    const scoreUrl = (p: { id: string }) => `/api/challenges/${id}/proposals/${p.id}/score`;
    const over = await experts[0]!.session.inject({
      method: 'PUT',
      url: scoreUrl(a),
      payload: { scores: { ...sheets[0]![0], advancement: 31 } },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([expect.objectContaining({ field: 'scores.advancement' })]);
    // The shortlist waits for the panels.
    expect((await transition(c.admin, id, { action: 'shortlist', proposalIds: [a.id] })).statusCode).toBe(409);
    for (const [i, e] of experts.entries())
      for (const [j, p] of [a, b].entries()) {
        const res = await e.session.inject({ method: 'PUT', url: scoreUrl(p), payload: { scores: sheets[i]![j], comment: '指标可达' } });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().score).toMatchObject({ mean: null, mine: { total: [88, 69, 89, 70, 87, 74][i * 2 + j] } });
      }
    // An expert not on the panel neither reads nor scores.
    const stranger = await createLoggedInUser(t.app, t.db, { role: 'expert' });
    expect((await stranger.session.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` })).statusCode).toBe(404);
    expect((await stranger.session.inject({ method: 'PUT', url: scoreUrl(a), payload: { scores: sheets[0]![0] } })).statusCode).toBe(404);

    const scored = (await c.admin.inject({ method: 'GET', url: `/api/challenges/${id}/proposals` })).json().items as Array<{
      id: string;
      score: { mean: number; scored: number; complete: boolean };
    }>;
    expect(scored.find((p) => p.id === a.id)!.score).toMatchObject({ mean: 88, scored: 3, complete: true });
    expect(scored.find((p) => p.id === b.id)!.score).toMatchObject({ mean: 71, scored: 3, complete: true });

    expect((await transition(c.admin, id, { action: 'shortlist', proposalIds: [a.id, b.id] })).json().shortlist).toHaveLength(2);
    const roadshow = await transition(c.admin, id, {
      action: 'schedule_roadshow',
      roadshowAt: new Date(t.app.ctx.clock.now().getTime() + 7 * DAY).toISOString(),
      roadshowPlace: '天津科技大市场路演厅',
    });
    expect(roadshow.json().timeline.roadshowPlace).toBe('天津科技大市场路演厅');
    // 赛马: both teams kept at the first stage with a milestone payment each, one at the second.
    const s1 = await c.admin.inject({
      method: 'POST',
      url: `/api/challenges/${id}/stages`,
      payload: {
        name: '样品阶段',
        keptProposalIds: [a.id, b.id],
        payments: [
          { proposalId: a.id, amountFen: 5_000_000, note: '样品经费' },
          { proposalId: b.id, amountFen: 5_000_000 },
        ],
      },
    });
    expect(s1.statusCode, s1.body).toBe(201);
    const s2 = await c.admin.inject({
      method: 'POST',
      url: `/api/challenges/${id}/stages`,
      payload: { name: '中试阶段', keptProposalIds: [a.id] },
    });
    expect(s2.json().stages.map((s: { keptProposalIds: string[] }) => s.keptProposalIds)).toEqual([[a.id, b.id], [a.id]]);
    const back = await c.admin.inject({
      method: 'POST',
      url: `/api/challenges/${id}/stages`,
      payload: { name: '回头', keptProposalIds: [b.id] },
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors).toEqual([expect.objectContaining({ field: 'body.keptProposalIds.0' })]);

    const awarded = await transition(c.admin, id, {
      action: 'award',
      awards: [{ proposalId: a.id, prizeLabel: '一等奖', amountFen: 50_000_000 }],
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json()).toMatchObject({ status: 'awarded', awards: [{ proposalId: a.id, rank: 1, prizeLabel: '一等奖' }] });

    // The winner's award becomes a contract application (contracts module), prefilled from the award.
    const point = await createOrganization(t.db, { type: 'government', name: `技术合同登记处 ${unique()}` });
    await createUser(t.db, { role: 'registrar', organizationId: point.id });
    expect((await c.teamB.session.inject({ method: 'GET', url: `/api/challenges/${id}/contract-prefill` })).statusCode).toBe(403);
    const pre = await c.teamA.session.inject({ method: 'GET', url: `/api/challenges/${id}/contract-prefill` });
    expect(pre.statusCode, pre.body).toBe(200);
    expect(pre.json().input).toMatchObject({
      type: 'development',
      subtype: 'commissioned',
      contractAmountFen: 50_000_000,
      seller: { organizationId: c.teamA.user.organizationId },
      buyer: { organizationId: c.sponsor.user.organizationId },
    });
    const applied = await c.teamA.session.inject({
      method: 'POST',
      url: `/api/challenges/${id}/contract`,
      payload: { signedOn: '2026-12-01' },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const contract = await c.teamA.session.inject({ method: 'GET', url: `/api/contracts/${applied.json().contractId}` });
    expect(contract.statusCode).toBe(200);
    expect(contract.json()).toMatchObject({ status: 'draft', type: 'development', amounts: { contractAmountFen: 50_000_000 } });
    expect(
      (await c.teamA.session.inject({ method: 'POST', url: `/api/challenges/${id}/contract`, payload: { signedOn: '2026-12-01' } }))
        .statusCode,
    ).toBe(409);

    const stats = (await t.app.inject({ method: 'GET', url: '/api/challenges/statistics' })).json();
    expect(stats.awards).toBeGreaterThanOrEqual(1);
    expect(stats.contractApplications).toBeGreaterThanOrEqual(1);

    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'challenge'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.seq);
    expect(audited.map((x) => x.action)).toEqual([
      'challenge.create',
      'challenge.submit_for_screening',
      'challenge.publish',
      'challenge.register',
      'challenge.register',
      'challenge.start_scoring',
      'challenge.shortlist',
      'challenge.schedule_roadshow',
      'challenge.stage',
      'challenge.stage',
      'challenge.award',
      'challenge.contract_apply',
    ]);
  });

  it('seals proposals: stored bytes are not the plaintext, and before the deadline every role but the submitter gets no content and 404', async () => {
    const c = await cast();
    const id = await publishedChallenge(c);
    const a = await registerAndSubmit(c.teamA, id, '密封方案');

    const [stored] = await t.db.select().from(challengeProposals).where(eq(challengeProposals.id, a.id));
    for (const bytes of [stored!.ciphertext, stored!.keyForChallenge, stored!.keyForSubmitter]) {
      expect(bytes.includes(Buffer.from('密封方案', 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(REPORT, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from('PNG-bytes').toString('base64'))).toBe(false);
    }
    // The audit log keeps the digest, never the content.
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(JSON.stringify(logged)).not.toContain('密封方案');

    const colleague = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: c.teamA.user.organizationId! });
    const others: Array<[string, LoggedIn]> = [
      ['platform_admin', c.admin],
      ['gov_officer', c.officer],
      ['sponsor', c.sponsor.session],
      ['expert', c.experts[0]!.session],
      ['other team', c.teamB.session],
      ['registrar', await loginAs(t.app, await createUser(t.db, { role: 'registrar' }))],
      ['broker', await loginAs(t.app, await createUser(t.db, { role: 'broker' }))],
      ['org_member', await loginAs(t.app, await createUser(t.db, { role: 'org_member' }))],
    ];
    for (const [role, s] of others) {
      const one = await s.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` });
      expect([403, 404], role).toContain(one.statusCode);
      const list = await s.inject({ method: 'GET', url: `/api/challenges/${id}/proposals` });
      expect(list.statusCode, role).toBe(200);
      expect(list.json().sealed, role).toBe(true);
      for (const item of list.json().items) expect(item.content, role).toBeNull();
      expect(list.body, role).not.toContain('密封方案');
    }
    // Staff and the sponsor see that a proposal came in, without its content.
    expect((await c.admin.inject({ method: 'GET', url: `/api/challenges/${id}/proposals` })).json().items).toEqual([
      expect.objectContaining({ id: a.id, sealed: true, content: null, digest: a.digest }),
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` })).statusCode).toBe(401);

    // The submitting organisation (any member) sees its own.
    for (const s of [c.teamA.session, colleague.session]) {
      const own = await s.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` });
      expect(own.statusCode).toBe(200);
      expect(own.json().content.report).toBe(`${REPORT}（密封方案）`);
      expect(own.json().content.attachments[1].dataBase64).toBe(Buffer.from('PNG-bytes').toString('base64'));
    }

    // Shortly before the deadline still sealed (the clock runs on, so not to the millisecond: seal.test.ts has the exact
    // boundary); once it has passed, open to staff.
    const deadline = new Date((await c.admin.inject({ method: 'GET', url: `/api/challenges/${id}` })).json().submissionDeadline).getTime();
    t.app.ctx.clock.advance(deadline - t.app.ctx.clock.now().getTime() - 10 * 60_000);
    expect((await c.admin.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` })).statusCode).toBe(404);
    t.app.ctx.clock.advance(10 * 60_000);
    const opened = await c.admin.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().content.title).toBe('密封方案');
    // Submissions are closed at the deadline.
    expect(
      (await c.teamA.session.inject({ method: 'POST', url: `/api/challenges/${id}/proposals`, payload: proposal('迟到') })).statusCode,
    ).toBe(409);
    // Other teams still see nothing of it.
    expect((await c.teamB.session.inject({ method: 'GET', url: `/api/challenges/${id}/proposals/${a.id}` })).statusCode).toBe(404);
  });

  it('checks eligibility: consortium of a lead and at most four members, valid credit codes, no registration by the sponsor', async () => {
    const c = await cast();
    const id = await publishedChallenge(c);
    const member = () => ({ name: `成员单位 ${unique()}`, creditCode: uniqueCreditCode() });
    const five = await c.teamA.session.inject({
      method: 'POST',
      url: `/api/challenges/${id}/registrations`,
      payload: registration('大联合体', { consortiumMembers: [member(), member(), member(), member(), member()] }),
    });
    expect(five.statusCode).toBe(400);
    expect(five.json().errors).toEqual([expect.objectContaining({ field: 'body.consortiumMembers' })]);
    const badCode = await c.teamA.session.inject({
      method: 'POST',
      url: `/api/challenges/${id}/registrations`,
      payload: registration('联合体', { consortiumMembers: [{ name: '无代码公司', creditCode: '123' }] }),
    });
    expect(badCode.json().errors).toEqual([expect.objectContaining({ field: 'body.consortiumMembers.0.creditCode' })]);
    const four = await c.teamA.session.inject({
      method: 'POST',
      url: `/api/challenges/${id}/registrations`,
      payload: registration('联合体', { consortiumMembers: [member(), member(), member(), member()] }),
    });
    expect(four.statusCode, four.body).toBe(201);
    expect(four.json().myRegistration).toMatchObject({ teamName: '联合体', proposalId: null });
    expect(
      (await c.teamA.session.inject({ method: 'POST', url: `/api/challenges/${id}/registrations`, payload: registration('再来') }))
        .statusCode,
    ).toBe(409);
    const own = await c.sponsor.session.inject({
      method: 'POST',
      url: `/api/challenges/${id}/registrations`,
      payload: registration('自己'),
    });
    expect(own.statusCode).toBe(409);
    const noAgreement = await c.teamB.session.inject({
      method: 'POST',
      url: `/api/challenges/${id}/registrations`,
      payload: registration('未同意', { acceptAgreement: false }),
    });
    expect(noAgreement.statusCode).toBe(400);
    // Without registering, no proposal.
    expect(
      (await c.teamB.session.inject({ method: 'POST', url: `/api/challenges/${id}/proposals`, payload: proposal('未报名') })).statusCode,
    ).toBe(403);
    // Registration closes at its deadline.
    t.app.ctx.clock.advance(1 * DAY + 1);
    expect(
      (await c.teamB.session.inject({ method: 'POST', url: `/api/challenges/${id}/registrations`, payload: registration('晚到') }))
        .statusCode,
    ).toBe(409);
  });

  it('keeps drafts private, hides an anonymous sponsor from the public and solvers, and lets only staff publish', async () => {
    const c = await cast();
    const created = await c.sponsor.session.inject({
      method: 'POST',
      url: '/api/challenges',
      payload: challengeBody({ sponsorAnonymous: true }),
    });
    const id = created.json().id as string;
    expect((await t.app.inject({ method: 'GET', url: `/api/challenges/${id}` })).statusCode).toBe(404);
    expect((await c.teamA.session.inject({ method: 'GET', url: `/api/challenges/${id}` })).statusCode).toBe(404);
    expect((await transition(c.sponsor.session, id, { action: 'publish' })).statusCode).toBe(403);
    expect((await transition(c.sponsor.session, id, { action: 'submit_for_screening' })).statusCode).toBe(200);
    const returned = await transition(c.officer, id, { action: 'return', reason: '请补充技术指标' });
    expect(returned.json()).toMatchObject({ status: 'draft', returnReason: '请补充技术指标' });
    await transition(c.sponsor.session, id, { action: 'submit_for_screening' });
    expect((await transition(c.officer, id, { action: 'publish' })).json().status).toBe('published');

    const publicView = (await t.app.inject({ method: 'GET', url: `/api/challenges/${id}` })).json();
    expect(publicView).toMatchObject({ sponsor: null, sponsorAnonymous: true });
    expect((await c.teamA.session.inject({ method: 'GET', url: `/api/challenges/${id}` })).json().sponsor).toBeNull();
    expect((await c.admin.inject({ method: 'GET', url: `/api/challenges/${id}` })).json().sponsor).toMatchObject({
      id: c.sponsor.user.organizationId,
    });
    expect((await c.sponsor.session.inject({ method: 'GET', url: `/api/challenges/${id}` })).json().sponsor).not.toBeNull();
    const hall = (await t.app.inject({ method: 'GET', url: '/api/challenges?status=open' })).json();
    expect(hall.items.find((i: { id: string }) => i.id === id).sponsor).toBeNull();

    // Field and timeline errors name the field.
    const bad = await c.sponsor.session.inject({
      method: 'POST',
      url: '/api/challenges',
      payload: challengeBody({
        fieldCode: 'NOPE',
        timeline: { registrationDeadline: '2027-03-10T00:00:00Z', submissionDeadline: '2027-03-01T00:00:00Z' },
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.fieldCode', 'body.timeline.submissionDeadline']);
  });
});
