// One notification engine: a review decision, contract results and negotiations reach the people
// waiting for them in the bell, and by e-mail through a real SMTP server as each user prefers.
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../server/lib/mailer.js';
import { deliverNotifications, emailChannel } from '../../server/modules/alerts/notify.js';
import { deliverNotificationsJob } from '../../server/modules/alerts/jobs.js';
import { sendDailyDigests } from '../../server/modules/alerts/service.js';
import { SCHEDULED_JOBS } from '../../server/app.js';
import { createAchievement, createDemand, createLoggedInUser, createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { startSmtpSink } from '../smtp-sink.js';

const t = useTestApp();
const PUBLIC_URL = 'https://jinqiao.example';

type Item = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  needsAction: boolean;
  readAt: string | null;
};
const notificationsOf = async (session: LoggedIn, query = '') =>
  (await session.inject({ method: 'GET', url: `/api/me/notifications${query}` })).json() as { items: Item[]; unread: number };

async function reviewCast() {
  const owner = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const colleague = await createLoggedInUser(t.app, t.db, { role: 'broker', organizationId: owner.user.organizationId! });
  const reviewer = await loginAs(t.app, await createUser(t.db, { role: 'platform_admin' }));
  return { owner, colleague, reviewer };
}

/** Delivers what is pending through a real SMTP server; returns what it received. */
async function deliverThroughSmtp() {
  const sink = await startSmtpSink();
  try {
    const mailer = createMailer({ mail: { smtpUrl: sink.url, from: '津桥 <noreply@jinqiao.test>' } });
    const delivered = await deliverNotifications({ db: t.db, channels: [emailChannel(mailer, PUBLIC_URL)] });
    return { delivered, received: sink.received };
  } finally {
    await sink.close();
  }
}

describe('notifications', () => {
  it('a review decision reaches every member of the owner in the bell, and by e-mail through SMTP', async () => {
    const { owner, colleague, reviewer } = await reviewCast();
    const returned = await createAchievement(t.db, { by: owner.user, status: 'submitted', input: { title: '盐碱地改良微生物菌剂' } });
    const approved = await createDemand(t.db, { by: owner.user, status: 'submitted', input: { title: '寻求高盐废水零排放工艺' } });
    const before = (await notificationsOf(owner.session)).unread;

    const r1 = await reviewer.inject({
      method: 'POST',
      url: `/api/achievements/${returned.id}/transitions`,
      payload: { action: 'return', reason: '请补充专利证书扫描件' },
    });
    expect(r1.statusCode, r1.body).toBe(200);
    const r2 = await reviewer.inject({ method: 'POST', url: `/api/demands/${approved.id}/transitions`, payload: { action: 'approve' } });
    expect(r2.statusCode, r2.body).toBe(200);

    for (const side of [owner, colleague]) {
      const mine = await notificationsOf(side.session);
      expect(mine.items).toContainEqual(
        expect.objectContaining({
          kind: 'record_returned',
          body: '退回理由：请补充专利证书扫描件',
          link: '/workspace/achievements',
          needsAction: true,
          readAt: null,
        }),
      );
      expect(mine.items).toContainEqual(
        expect.objectContaining({ kind: 'record_approved', title: '需求「寻求高盐废水零排放工艺」已通过审核', link: '/workspace/demands' }),
      );
    }
    expect((await notificationsOf(owner.session)).unread).toBe(before + 2);
    // The reviewer hears nothing of their own decision.
    expect((await notificationsOf(reviewer)).items.filter((n) => n.kind.startsWith('record_'))).toEqual([]);
    // Both are on the to-do list until read.
    const todo = await notificationsOf(owner.session, '?needsAction=true');
    expect(todo.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['record_returned', 'record_approved']));

    // E-mail: one message to each member, carrying the reason and the link; nothing a second time.
    const { received } = await deliverThroughSmtp();
    const toOwner = received.filter((m) => m.to.includes(owner.user.email));
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]!.from).toBe('noreply@jinqiao.test');
    expect(toOwner[0]!.subject).toBe('津桥：2 条新通知');
    expect(toOwner[0]!.text).toContain('成果「盐碱地改良微生物菌剂」被退回修改');
    expect(toOwner[0]!.text).toContain('退回理由：请补充专利证书扫描件');
    expect(toOwner[0]!.text).toContain(`${PUBLIC_URL}/workspace/achievements`);
    expect(received.filter((m) => m.to.includes(colleague.user.email))).toHaveLength(1);
    expect((await deliverThroughSmtp()).received).toEqual([]);
  });

  it('honours each user’s e-mail preference: daily waits for the digest, off sends nothing', async () => {
    const { owner, colleague, reviewer } = await reviewCast();
    expect((await owner.session.inject({ method: 'GET', url: '/api/me/notification-preferences' })).json()).toEqual({ email: 'instant' });
    const set = await owner.session.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { email: 'off' } });
    expect(set.json()).toEqual({ email: 'off' });
    expect(
      (await colleague.session.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { email: 'daily' } })).statusCode,
    ).toBe(200);
    const bad = await owner.session.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { email: 'hourly' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('email');

    const rec = await createAchievement(t.db, { by: owner.user, status: 'submitted' });
    await reviewer.inject({ method: 'POST', url: `/api/achievements/${rec.id}/transitions`, payload: { action: 'approve' } });
    const { received } = await deliverThroughSmtp();
    expect(received.filter((m) => m.to.includes(owner.user.email) || m.to.includes(colleague.user.email))).toEqual([]);
    // In the bell all the same.
    expect((await notificationsOf(owner.session)).items).toContainEqual(expect.objectContaining({ kind: 'record_approved' }));
    expect((await notificationsOf(colleague.session)).items).toContainEqual(expect.objectContaining({ kind: 'record_approved' }));

    // The digest carries it to the daily user only.
    const sink = await startSmtpSink();
    try {
      await sendDailyDigests({
        db: t.db,
        mailer: createMailer({ mail: { smtpUrl: sink.url, from: 'noreply@jinqiao.test' } }),
        publicUrl: PUBLIC_URL,
      });
      expect(sink.received.filter((m) => m.to.includes(owner.user.email))).toEqual([]);
      const digest = sink.received.filter((m) => m.to.includes(colleague.user.email));
      expect(digest).toHaveLength(1);
      expect(digest[0]!.subject).toContain('津桥每日摘要');
      expect(digest[0]!.text).toContain('已通过审核');
    } finally {
      await sink.close();
    }
  });

  it('a new negotiation and each message notify the other side by e-mail too', async () => {
    const owner = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const enterprise = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const rec = await createAchievement(t.db, { by: owner.user, status: 'published', input: { title: '工业机器人视觉定位系统' } });
    await deliverThroughSmtp(); // the publication's own notices
    const opened = await enterprise.session.inject({
      method: 'POST',
      url: '/api/inquiries',
      payload: { recordKind: 'achievement', recordId: rec.id, message: '请问是否支持独占许可？' },
    });
    expect(opened.statusCode).toBe(201);
    const first = await deliverThroughSmtp();
    expect(first.received.map((m) => m.to)).toEqual([[owner.user.email]]);
    expect(first.received[0]!.subject).toContain('希望洽谈「工业机器人视觉定位系统」');
    expect(first.received[0]!.text).toContain(`${PUBLIC_URL}/workspace/inquiries/${opened.json().id}`);

    await owner.session.inject({ method: 'POST', url: `/api/inquiries/${opened.json().id}/messages`, payload: { body: '支持，详谈。' } });
    const second = await deliverThroughSmtp();
    expect(second.received.map((m) => m.to)).toEqual([[enterprise.user.email]]);
    expect(second.received[0]!.text).toContain('支持，详谈。');
  });

  it('delivery is a scheduled job', () => {
    expect(SCHEDULED_JOBS).toContain(deliverNotificationsJob);
  });
});
