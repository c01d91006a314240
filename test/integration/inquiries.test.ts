// Negotiations (我要洽谈): a member of another organisation opens one on a published record; both
// sides see it in their workspace, write in it and move it along; nobody else can see it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../server/lib/schema.js';
import { createAchievement, createDemand, createLoggedInUser, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

async function cast() {
  const owner = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const colleague = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: owner.user.organizationId! });
  const enterprise = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const achievement = await createAchievement(t.db, {
    by: owner.user,
    status: 'published',
    input: { title: '高效钙钛矿太阳能电池制备技术' },
  });
  return { owner, colleague, enterprise, achievement };
}

const open = (session: LoggedIn, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/inquiries', payload });
const notificationsOf = async (session: LoggedIn) =>
  (await session.inject({ method: 'GET', url: '/api/me/notifications' })).json() as {
    items: Array<{ kind: string; title: string; link: string | null; needsAction: boolean }>;
    unread: number;
  };
const myInquiries = async (session: LoggedIn) =>
  (
    (await session.inject({ method: 'GET', url: '/api/me/inquiries' })).json() as {
      items: Array<{ id: string; status: string; mySide: string }>;
    }
  ).items;

describe('inquiries', () => {
  it('a member of another organisation opens a negotiation; the owner lists it and is notified', async () => {
    const { owner, colleague, enterprise, achievement } = await cast();
    const res = await open(enterprise.session, {
      recordKind: 'achievement',
      recordId: achievement.id,
      message: '我们希望以许可方式实施该技术，请联系。',
      wantedMode: 'license',
      budgetFen: 50_000_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const inquiry = res.json();
    expect(inquiry).toMatchObject({
      status: 'open',
      mySide: 'requester',
      recordTitle: '高效钙钛矿太阳能电池制备技术',
      budgetFen: 50_000_000,
      wantedMode: 'license',
    });
    expect(inquiry.messages).toHaveLength(1);

    for (const side of [owner, colleague]) {
      expect(await myInquiries(side.session)).toEqual([expect.objectContaining({ id: inquiry.id, status: 'open', mySide: 'owner' })]);
      const n = await notificationsOf(side.session);
      expect(n.items).toContainEqual(
        expect.objectContaining({ kind: 'inquiry_new', link: `/workspace/inquiries/${inquiry.id}`, needsAction: true }),
      );
    }
    expect(await myInquiries(enterprise.session)).toEqual([expect.objectContaining({ id: inquiry.id, mySide: 'requester' })]);
    // The requester is not notified of their own inquiry.
    expect((await notificationsOf(enterprise.session)).items.filter((n) => n.kind.startsWith('inquiry_'))).toEqual([]);

    // On a demand too.
    const demand = await createDemand(t.db, { by: enterprise.user, status: 'published' });
    const onDemand = await open(owner.session, { recordKind: 'demand', recordId: demand.id, message: '我单位有相关成果，可以洽谈。' });
    expect(onDemand.statusCode, onDemand.body).toBe(201);
  });

  it('refuses one’s own record (naming the field), unpublished or unknown records (404) and anonymous callers', async () => {
    const { owner, enterprise, achievement } = await cast();
    const own = await open(owner.session, { recordKind: 'achievement', recordId: achievement.id, message: '自己的成果' });
    expect(own.statusCode).toBe(409);
    expect(own.headers['content-type']).toContain('application/problem+json');
    expect(own.json().errors).toEqual([expect.objectContaining({ field: 'body.recordId' })]);

    const draft = await createAchievement(t.db, { by: owner.user, status: 'submitted' });
    expect((await open(enterprise.session, { recordKind: 'achievement', recordId: draft.id, message: '还没发布的' })).statusCode).toBe(404);
    expect((await open(enterprise.session, { recordKind: 'demand', recordId: achievement.id, message: '种类不对' })).statusCode).toBe(404);
    expect(
      (await open(enterprise.session, { recordKind: 'achievement', recordId: '00000000-0000-4000-8000-000000000000', message: '不存在' }))
        .statusCode,
    ).toBe(404);

    const bad = await open(enterprise.session, {
      recordKind: 'achievement',
      recordId: achievement.id,
      message: '附件',
      attachments: [{ name: 'x', url: 'javascript:alert(1)' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('attachments');

    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/inquiries',
      payload: { recordKind: 'achievement', recordId: achievement.id, message: '匿名' },
    });
    expect(anonymous.statusCode).toBe(401);

    // One live negotiation per organisation and record.
    expect((await open(enterprise.session, { recordKind: 'achievement', recordId: achievement.id, message: '第一次' })).statusCode).toBe(
      201,
    );
    const again = await open(enterprise.session, { recordKind: 'achievement', recordId: achievement.id, message: '第二次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'body.recordId' })]);
  });

  it('goes open → negotiating → agreed → moved to trading, each step audited and told to the other side', async () => {
    const { owner, enterprise, achievement } = await cast();
    const id = (
      await open(enterprise.session, { recordKind: 'achievement', recordId: achievement.id, message: '希望了解转让价格。' })
    ).json().id as string;
    const step = (session: LoggedIn, action: string, reason?: string) =>
      session.inject({ method: 'POST', url: `/api/inquiries/${id}/transitions`, payload: { action, reason } });

    // The requester may not agree on the owner's behalf, and nothing can be agreed before negotiating.
    expect((await step(enterprise.session, 'agree')).statusCode).toBe(403);
    expect((await step(owner.session, 'agree')).statusCode).toBe(409);

    // The owner's answer starts the negotiation.
    const answered = await owner.session.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/messages`,
      payload: { body: '转让价格 80 万元，可面谈。', attachments: [{ name: '技术说明', url: 'https://example.org/spec.pdf' }] },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({ status: 'negotiating', mySide: 'owner' });
    const thread = (await enterprise.session.inject({ method: 'GET', url: `/api/inquiries/${id}` })).json();
    expect(thread.messages.map((m: { side: string; body: string }) => [m.side, m.body])).toEqual([
      ['requester', '希望了解转让价格。'],
      ['owner', '转让价格 80 万元，可面谈。'],
    ]);
    expect(thread.messages[1].attachments).toEqual([{ name: '技术说明', url: 'https://example.org/spec.pdf' }]);
    expect(thread.actions).toEqual(['message', 'close']);
    expect((await notificationsOf(enterprise.session)).items).toContainEqual(
      expect.objectContaining({ kind: 'inquiry_message', link: `/workspace/inquiries/${id}` }),
    );

    expect(
      (await enterprise.session.inject({ method: 'POST', url: `/api/inquiries/${id}/messages`, payload: { body: '可以接受。' } }))
        .statusCode,
    ).toBe(201);
    expect((await step(owner.session, 'agree')).json().status).toBe('agreed');
    expect((await step(owner.session, 'move_to_trading')).json()).toMatchObject({ status: 'moved_to_trading', actions: [] });
    expect(
      (await enterprise.session.inject({ method: 'POST', url: `/api/inquiries/${id}/messages`, payload: { body: '还在吗？' } })).statusCode,
    ).toBe(409);
    expect((await step(enterprise.session, 'close')).statusCode).toBe(409);
    expect((await notificationsOf(enterprise.session)).items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['inquiry_agree', 'inquiry_move_to_trading']),
    );

    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'inquiry'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.seq);
    expect(audited.map((a) => a.action)).toEqual([
      'inquiry.open',
      'inquiry.message',
      'inquiry.negotiate',
      'inquiry.message',
      'inquiry.agree',
      'inquiry.move_to_trading',
    ]);
  });

  it('either side may close it with a reason', async () => {
    const { owner, enterprise, achievement } = await cast();
    const id = (await open(enterprise.session, { recordKind: 'achievement', recordId: achievement.id, message: '咨询' })).json()
      .id as string;
    const closed = await enterprise.session.inject({
      method: 'POST',
      url: `/api/inquiries/${id}/transitions`,
      payload: { action: 'close', reason: '预算不足' },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: '预算不足' });
    expect((await notificationsOf(owner.session)).items).toContainEqual(expect.objectContaining({ kind: 'inquiry_close' }));
  });

  it('is invisible to a third organisation (404) and to a reviewer', async () => {
    const { enterprise, achievement } = await cast();
    const id = (await open(enterprise.session, { recordKind: 'achievement', recordId: achievement.id, message: '保密洽谈' })).json()
      .id as string;
    const third = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const admin = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
    for (const session of [third.session, admin]) {
      expect((await session.inject({ method: 'GET', url: `/api/inquiries/${id}` })).statusCode).toBe(404);
      expect((await session.inject({ method: 'POST', url: `/api/inquiries/${id}/messages`, payload: { body: '插一句' } })).statusCode).toBe(
        404,
      );
      expect(
        (await session.inject({ method: 'POST', url: `/api/inquiries/${id}/transitions`, payload: { action: 'close' } })).statusCode,
      ).toBe(404);
      expect(await myInquiries(session)).toEqual([]);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/inquiries/${id}` })).statusCode).toBe(401);
  });
});
