// The expert pool and review panels on the shared scoring engine: a panel is drawn from the pool by
// field with conflicts excluded and workload balanced; an expert who declares a conflict or declines
// is replaced; experts score in their workspace; the panel's result drops the extremes from five
// experts; the public directory never shows contact details.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../server/lib/actor.js';
import { clock } from '../../server/lib/clock.js';
import { auditLog } from '../../server/lib/schema.js';
import { openPanel, panelOf, type OpenPanelInput } from '../../server/modules/experts/panels.js';
import { addRelation, createExpert } from '../../server/modules/experts/service.js';
import { createDemand, createLoggedInUser, createOrganization, createUser, loginAs, type LoggedIn, type TestUser } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const system = systemActor('test');

/** An expert with an account (role expert in their own organisation) and a profile in `field`. */
async function expert(field: string, opts: { organizationId?: string; available?: boolean; name?: string } = {}) {
  const user = await createUser(t.db, { role: 'expert', organizationId: opts.organizationId, name: opts.name });
  const id = await createExpert({
    db: t.db,
    actor: system,
    input: {
      userId: user.id,
      name: opts.name ?? `专家${user.id.slice(0, 4)}`,
      title: '教授',
      fieldCodes: [field],
      keywords: '锂离子电池 正极材料 固态电解质',
      email: `${user.id.slice(0, 8)}@tju.example.test`,
      phone: '022-27401234',
      available: opts.available ?? true,
    },
  });
  return { id, user };
}

const open = (input: Partial<OpenPanelInput> & { fieldCode: string; size: number }) =>
  t.db.transaction((tx) =>
    openPanel(tx, system, {
      subjectType: 'test_subject',
      subjectId: crypto.randomUUID(),
      subjectTitle: '天津某科技公司 示范机构申报',
      sheetKey: 'demonstration_institution',
      dueAt: new Date(clock.now().getTime() + 7 * 86_400_000),
      ...input,
    }),
  );

const scores = (over: Record<string, number> = {}) => ({
  basic_conditions: 8,
  service_performance: 24,
  service_capability: 24,
  management: 16,
  reputation: 8,
  ...over,
});

const session = (user: TestUser) => loginAs(t.app, user);
const assignments = async (s: LoggedIn) =>
  (await s.inject({ method: 'GET', url: '/api/me/assignments' })).json().items as Array<{
    panelId: string;
    subjectTitle: string;
    dueAt: string | null;
    status: string;
    actions: string[];
    sheet: { key: string; criteria: Array<{ key: string; weight: number }> };
  }>;

describe('drawing a panel', () => {
  it('excludes the same organisation, declared relations and recent co-authorship, and says why in the audit', async () => {
    const applicantOrg = await createOrganization(t.db);
    const applicant = await createUser(t.db, { role: 'org_member', organizationId: applicantOrg.id });
    const year = clock.now().getUTCFullYear();
    const sameOrg = await expert('D01', { organizationId: applicantOrg.id });
    const related = await expert('D01');
    await addRelation({
      db: t.db,
      actor: system,
      id: related.id,
      input: { kind: 'relation', organizationId: applicantOrg.id, partyName: '曾任该公司技术顾问' },
    });
    const coauthor = await expert('D01');
    await addRelation({
      db: t.db,
      actor: system,
      id: coauthor.id,
      input: { kind: 'coauthorship', userId: applicant.id, partyName: '合作论文', year: year - 2 },
    });
    const oldCoauthor = await expert('D01');
    await addRelation({
      db: t.db,
      actor: system,
      id: oldCoauthor.id,
      input: { kind: 'coauthorship', userId: applicant.id, partyName: '合作论文', year: year - 10 },
    });
    await expert('D01', { available: false });
    const free = [oldCoauthor, await expert('D01'), await expert('D01')];

    const panel = await open({ fieldCode: 'D01', size: 3, excludeOrganizationIds: [applicantOrg.id], excludeUserIds: [applicant.id] });
    expect(panel.members.map((m) => m.expertId).sort()).toEqual(free.map((e) => e.id).sort());

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'panel.open'), eq(auditLog.entityId, panel.panelId)));
    const excluded = (audit!.changes as { excludedForConflict: { to: Array<{ expertId: string; reason: string }> } }).excludedForConflict
      .to;
    expect(excluded.map((e) => [e.expertId, e.reason]).sort()).toEqual(
      [
        [sameOrg.id, 'same_organization'],
        [related.id, 'declared_relation'],
        [coauthor.id, 'recent_coauthorship'],
      ].sort(),
    );

    // Drawn experts see it in their workspace, with subject and due date, and were notified.
    const s = await session(free[0]!.user);
    expect(await assignments(s)).toEqual([
      expect.objectContaining({
        panelId: panel.panelId,
        subjectTitle: '天津某科技公司 示范机构申报',
        status: 'assigned',
        dueAt: expect.any(String),
      }),
    ]);
    const notes = (await s.inject({ method: 'GET', url: '/api/me/notifications' })).json().items as Array<{ kind: string }>;
    expect(notes.map((n) => n.kind)).toContain('panel_assigned');
    // A conflicted expert has nothing.
    expect(await assignments(await session(sameOrg.user))).toEqual([]);

    // Not enough eligible experts for a larger panel: refused, naming the size.
    await expect(
      open({ fieldCode: 'D01', size: 4, excludeOrganizationIds: [applicantOrg.id], excludeUserIds: [applicant.id] }),
    ).rejects.toMatchObject({
      code: 'conflict',
      fields: [expect.objectContaining({ field: 'size' })],
    });
  });

  it('prefers experts with fewer open assignments', async () => {
    const pool = [await expert('D02'), await expert('D02'), await expert('D02')];
    const first = await open({ fieldCode: 'D02', size: 2 });
    const second = await open({ fieldCode: 'D02', size: 1 });
    const idle = pool.find((e) => !first.members.some((m) => m.expertId === e.id))!;
    expect(second.members.map((m) => m.expertId)).toEqual([idle.id]);
  });
});

describe('replacement', () => {
  it('an expert who declares a conflict is excused and replaced; when the pool is exhausted the panel goes on short', async () => {
    await Promise.all([expert('D03'), expert('D03'), expert('D03'), expert('D03')]);
    const panel = await open({ fieldCode: 'D03', size: 3 });
    const users = await Promise.all(panel.members.map((m) => createUserSession(m.userId)));

    const res = await users[0]!.inject({
      method: 'POST',
      url: `/api/panels/${panel.panelId}/conflict`,
      payload: { reason: '本人曾参与该单位项目' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ replaced: true });
    const view = (await panelOf(t.db, 'test_subject', await subjectOf(panel.panelId)))!;
    expect(view.members).toHaveLength(4);
    const excused = view.members.find((m) => m.userId === panel.members[0]!.userId)!;
    expect(excused).toMatchObject({ status: 'conflict', reason: '本人曾参与该单位项目' });
    const replacement = view.members.find((m) => m.replacesMemberId === excused.memberId)!;
    expect(replacement.status).toBe('assigned');
    expect(panel.members.map((m) => m.expertId)).not.toContain(replacement.expertId);
    // The excused expert can no longer score.
    const again = await users[0]!.inject({ method: 'POST', url: `/api/panels/${panel.panelId}/scores`, payload: { scores: scores() } });
    expect(again.statusCode).toBe(409);

    // The pool of D03 is exhausted: declining leaves the seat empty, audited as such.
    const declined = await users[1]!.inject({
      method: 'POST',
      url: `/api/panels/${panel.panelId}/decline`,
      payload: { reason: '出差无法参加' },
    });
    expect(declined.json()).toEqual({ replaced: false });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, panel.panelId)).orderBy(asc(auditLog.seq))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['panel.open', 'panel.declare_conflict', 'panel.replace', 'panel.decline', 'panel.replacement_unavailable']);

    // The two seated experts score; the panel completes with their two totals.
    const replacementSession = await createUserSession(replacement.userId);
    for (const [s, total] of [
      [users[2]!, 80],
      [replacementSession, 70],
    ] as const) {
      const r = await s.inject({
        method: 'POST',
        url: `/api/panels/${panel.panelId}/scores`,
        payload: { scores: scores({ management: 16 - (80 - total) }) },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const result = (await admin.session.inject({ method: 'GET', url: `/api/panels/${panel.panelId}/result` })).json();
    expect(result).toMatchObject({ complete: true, mean: 75 });
  });
});

describe('scoring and the result', () => {
  it('five experts score; invalid scores are refused by field; the mean drops the highest and the lowest', async () => {
    await Promise.all([1, 2, 3, 4, 5].map(() => expert('D04')));
    const panel = await open({ fieldCode: 'D04', size: 5 });
    const sessions = await Promise.all(panel.members.map((m) => createUserSession(m.userId)));
    const url = `/api/panels/${panel.panelId}/scores`;

    const over = await sessions[0]!.inject({ method: 'POST', url, payload: { scores: scores({ reputation: 10.5 }) } });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([expect.objectContaining({ field: 'body.scores.reputation' })]);
    const missing = await sessions[0]!.inject({ method: 'POST', url, payload: { scores: { basic_conditions: 5 } } });
    expect(missing.statusCode).toBe(400);

    // Someone not on the panel does not see it.
    const outsider = await createLoggedInUser(t.app, t.db, { role: 'expert' });
    expect((await outsider.session.inject({ method: 'POST', url, payload: { scores: scores() } })).statusCode).toBe(404);

    // Sheets totalling 60, 75, 80, 85 and 95 (基础条件, 服务绩效, 服务能力, 规范管理, 社会信誉).
    const sheets: Array<[number, number, number, number, number]> = [
      [6, 18, 18, 12, 6],
      [8, 22, 22, 15, 8],
      [8, 24, 24, 16, 8],
      [9, 26, 25, 17, 8],
      [10, 29, 28, 19, 9],
    ];
    for (const [i, s] of sessions.entries()) {
      const [basic_conditions, service_performance, service_capability, management, reputation] = sheets[i]!;
      const total = basic_conditions + service_performance + service_capability + management + reputation;
      const r = await s.inject({
        method: 'POST',
        url,
        payload: { scores: { basic_conditions, service_performance, service_capability, management, reputation }, comment: '材料齐全' },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'scored', myScores: { total }, actions: [] });
    }
    expect((await sessions[0]!.inject({ method: 'POST', url, payload: { scores: scores() } })).statusCode).toBe(409);

    const officer = await createLoggedInUser(t.app, t.db, { role: 'gov_officer' });
    const result = (await officer.session.inject({ method: 'GET', url: `/api/panels/${panel.panelId}/result` })).json();
    expect(result).toMatchObject({ status: 'complete', complete: true, mean: 80 });
    expect(
      result.members
        .filter((m: { dropped: boolean }) => m.dropped)
        .map((m: { total: number }) => m.total)
        .sort(),
    ).toEqual([60, 95]);
    const member = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await member.session.inject({ method: 'GET', url: `/api/panels/${panel.panelId}/result` })).statusCode).toBe(403);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'panel.complete'), eq(auditLog.entityId, panel.panelId))),
    ).toHaveLength(1);
  });
});

describe('the expert directory', () => {
  it('is public without contact details; staff and the expert see them', async () => {
    const e = await expert('D05', { name: '王立新' });
    const find = async (s: LoggedIn | null) => {
      const res = s
        ? await s.inject({ method: 'GET', url: '/api/experts?field=D05' })
        : await t.app.inject({ method: 'GET', url: '/api/experts?field=D05' });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ id: string; contact: unknown; relations: unknown; fields: Array<{ name: string }> }>).find(
        (i) => i.id === e.id,
      )!;
    };
    const anonymous = await find(null);
    expect(anonymous).toMatchObject({ name: '王立新', title: '教授', contact: null, relations: null });
    expect(anonymous.fields).toEqual([{ code: 'D05', name: '地理学' }]);
    expect(JSON.stringify(anonymous)).not.toContain('022-27401234');
    for (const role of ['org_member', 'org_admin', 'broker', 'expert'] as const) {
      const s = await createLoggedInUser(t.app, t.db, { role });
      expect((await find(s.session)).contact).toBeNull();
    }
    for (const role of ['platform_admin', 'gov_officer'] as const) {
      const s = await createLoggedInUser(t.app, t.db, { role });
      expect((await find(s.session)).contact).toEqual({ email: expect.stringContaining('@'), phone: '022-27401234' });
    }
    const self = await session(e.user);
    const own = (await self.inject({ method: 'GET', url: `/api/experts/${e.id}` })).json();
    expect(own.contact).toMatchObject({ phone: '022-27401234' });
    expect(own.actions).toEqual(['edit_own', 'declare_relation']);

    // The expert keeps their availability up; staff keep the rest.
    const unavailable = await self.inject({
      method: 'PATCH',
      url: `/api/experts/${e.id}`,
      payload: { available: false, availabilityNote: '出国访学至明年三月' },
    });
    expect(unavailable.json()).toMatchObject({ available: false });
    expect((await self.inject({ method: 'PATCH', url: `/api/experts/${e.id}`, payload: { title: '院士' } })).statusCode).toBe(403);
    const other = await createLoggedInUser(t.app, t.db, { role: 'expert' });
    expect((await other.session.inject({ method: 'PATCH', url: `/api/experts/${e.id}`, payload: { available: true } })).statusCode).toBe(
      403,
    );
  });

  it('staff add experts; a linked account must hold the expert role; unknown fields are refused', async () => {
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const notExpert = await createUser(t.db, { role: 'org_member' });
    const add = (payload: Record<string, unknown>) => admin.session.inject({ method: 'POST', url: '/api/experts', payload });
    const base = {
      name: '赵敏',
      title: '研究员',
      organizationName: '中国科学院天津工业生物技术研究所',
      fieldCodes: ['D10'],
      keywords: '合成生物学 酶工程',
    };
    const ok = await add(base);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ name: '赵敏', hasAccount: false, contact: { email: null, phone: null } });
    const wrongRole = await add({ ...base, userId: notExpert.id });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().errors).toEqual([expect.objectContaining({ field: 'body.userId' })]);
    const badField = await add({ ...base, fieldCodes: ['NOPE'] });
    expect(badField.json().errors).toEqual([expect.objectContaining({ field: 'body.fieldCodes' })]);
    const member = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await member.session.inject({ method: 'POST', url: '/api/experts', payload: base })).statusCode).toBe(403);
  });
});

describe('matching a demand to experts', () => {
  it('ranks experts by field and research directions, for the demand’s organisation only', async () => {
    const owner = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const demand = await createDemand(t.db, { by: owner.user, status: 'published' });
    const e = await expert('D15', { name: '陈锂' });
    const res = await owner.session.inject({ method: 'GET', url: `/api/demands/${demand.id}/experts` });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().items.find((m: { expert: { id: string } }) => m.expert.id === e.id);
    expect(mine.score).toBe(100);
    expect(mine.reasons.join(' ')).toContain('锂离子');
    expect(mine.expert.contact).toBeNull();
    const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await stranger.session.inject({ method: 'GET', url: `/api/demands/${demand.id}/experts` })).statusCode).toBe(403);
  });
});

async function createUserSession(userId: string) {
  const { users } = await import('../../server/modules/identity/schema.js');
  const [u] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return loginAs(t.app, { email: u!.email, password: 'Factory-passw0rd' });
}

async function subjectOf(panelId: string) {
  const { reviewPanels } = await import('../../server/modules/experts/schema.js');
  const [p] = await t.db.select({ subjectId: reviewPanels.subjectId }).from(reviewPanels).where(eq(reviewPanels.id, panelId));
  return p!.subjectId;
}
