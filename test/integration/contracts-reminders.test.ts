import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContractView } from '../../common/api/contracts.js';
import type { NotificationView } from '../../common/api/search.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { clock } from '../../server/lib/clock.js';
import type { JobContext } from '../../server/lib/scheduler.js';
import { contractsJobs, deadlineRemindersJob } from '../../server/modules/contracts/jobs.js';
import { sendDeadlineReminders } from '../../server/modules/contracts/reminders.js';
import { createUser, loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { registrationCast, submitApplication, transition, type RegistrationCast } from './contracts-fixtures.js';

/**
 * Registrars are reminded in the app when an application under review is within 2 working days of
 * its deadline, and again once it is overdue — once each, whoever runs the job how often. Around
 * National Day 2026 (1–7 October off, Saturday 10 October worked): an application submitted on
 * Friday 11 September is due at the close of Friday 9 October, one submitted on Tuesday 15 September
 * at the close of Monday 12 October.
 */
const t = useTestApp();
let cast: RegistrationCast;
let colleague: LoggedIn;
let elsewhere: RegistrationCast;
const ctx = () => ({ db: t.db }) as JobContext;

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t, { pointRegion: '120105' });
  colleague = await loginAs(t.app, await createUser(t.db, { role: 'registrar', organizationId: cast.point.id }));
  elsewhere = await registrationCast(t, { pointRegion: '120106' });
});
afterEach(() => clock.reset());

function setClock(iso: string) {
  clock.reset();
  clock.advance(Date.parse(iso) - clock.now().getTime());
}
type Notification = ReturnType<typeof NotificationView.parse>;
const notificationsOf = async (session: LoggedIn) =>
  ((await session.inject({ method: 'GET', url: '/api/me/notifications?limit=200' })).json() as { items: Notification[] }).items.filter(
    (n) => n.kind === 'contract_due_soon' || n.kind === 'contract_overdue',
  ); // deadline reminders, not review results
const about = (list: Notification[], c: ContractView) =>
  list
    .filter((n) => n.link === `/workspace/contracts/${c.id}`)
    .map((n) => n.kind)
    .sort();

describe('deadline reminders', () => {
  it('is a scheduled job of the module', () => {
    expect(contractsJobs).toContain(deadlineRemindersJob);
  });

  it('notify every registrar of the point once when an application nears its deadline (counting the holiday) and once when it is overdue', async () => {
    setClock('2026-09-11T02:00:00Z'); // Friday 10:00 in Beijing
    const a = await submitApplication(cast);
    const returned = await submitApplication(cast);
    const later = await submitApplication(cast);
    await transition(cast.registrarSession, returned.id, { action: 'return', note: '请补充合同附件二' });
    setClock('2026-09-15T02:00:00Z');
    const b = await submitApplication(cast);
    expect(a.review.deadlineAt).toBe('2026-10-09T16:00:00.000Z');
    expect(b.review.deadlineAt).toBe('2026-10-12T16:00:00.000Z');

    // Tuesday 29 September: three working days left for A (30 Sep, 8 and 9 Oct) — nothing yet.
    setClock('2026-09-29T02:00:00Z');
    expect(await deadlineRemindersJob.run(ctx())).toBe('reminded 0 due soon, 0 overdue (0 notification(s))');

    // Wednesday 30 September: nine calendar days, but two working days, before A's deadline.
    setClock('2026-09-30T02:00:00Z');
    const first = await sendDeadlineReminders({ db: t.db });
    expect(first).toEqual({ dueSoon: 2, overdue: 0, notifications: 4 }); // A and `later`, to two registrars each
    for (const session of [cast.registrarSession, colleague]) {
      const mine = await notificationsOf(session);
      expect(about(mine, a)).toEqual(['contract_due_soon']);
      expect(about(mine, b)).toEqual([]);
      expect(about(mine, returned)).toEqual([]);
      expect(mine.find((n) => n.link === `/workspace/contracts/${a.id}`)).toMatchObject({
        title: `认定登记申请即将到期：${a.title}`,
        body: expect.stringContaining('应于 2026-10-09 前办结，还剩 2 个工作日'),
      });
    }
    expect(await notificationsOf(elsewhere.registrarSession)).toEqual([]);
    expect(await notificationsOf(cast.applicantSession)).toEqual([]);

    // Again, and during the holiday: nothing new.
    expect(await sendDeadlineReminders({ db: t.db })).toEqual({ dueSoon: 0, overdue: 0, notifications: 0 });
    setClock('2026-10-05T02:00:00Z');
    expect(await sendDeadlineReminders({ db: t.db })).toEqual({ dueSoon: 0, overdue: 0, notifications: 0 });
    await transition(cast.registrarSession, later.id, { action: 'certify' });

    // Saturday 10 October is a working day: A is overdue, B has one working day left.
    setClock('2026-10-10T02:00:00Z');
    expect(await sendDeadlineReminders({ db: t.db })).toEqual({ dueSoon: 1, overdue: 1, notifications: 4 });
    const mine = await notificationsOf(colleague);
    expect(about(mine, a)).toEqual(['contract_due_soon', 'contract_overdue']);
    expect(about(mine, b)).toEqual(['contract_due_soon']);
    expect(about(mine, later)).toEqual(['contract_due_soon']); // certified since: no overdue reminder
    expect(mine.find((n) => n.kind === 'contract_overdue')).toMatchObject({
      title: `认定登记申请已超期：${a.title}`,
      body: expect.stringContaining('已超期 1 个工作日'),
    });
    expect(await sendDeadlineReminders({ db: t.db })).toEqual({ dueSoon: 0, overdue: 0, notifications: 0 });
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('are sent once when two runs race, and again for a resubmission’s new deadline', async () => {
    const fresh = await registrationCast(t, { pointRegion: '120110' });
    setClock('2026-09-11T02:00:00Z');
    const c = await submitApplication(fresh);
    setClock('2026-09-30T02:00:00Z');
    const runs = await Promise.all([sendDeadlineReminders({ db: t.db }), sendDeadlineReminders({ db: t.db })]);
    expect(runs.map((r) => r.dueSoon).sort()).toEqual([0, 1]);
    expect(about(await notificationsOf(fresh.registrarSession), c)).toEqual(['contract_due_soon']);

    await transition(fresh.registrarSession, c.id, { action: 'return', note: '请补充技术载体清单' });
    setClock('2026-10-08T02:00:00Z');
    const again = (await transition(fresh.applicantSession, c.id, { action: 'submit' })).json() as ContractView;
    expect(again.review.deadlineAt).toBe('2026-10-28T16:00:00.000Z');
    setClock('2026-10-26T02:00:00Z'); // Monday: 27 and 28 October left
    expect(await sendDeadlineReminders({ db: t.db })).toMatchObject({ dueSoon: 1 }); // (and the first test's B, overdue since 13 October)
    expect(about(await notificationsOf(fresh.registrarSession), c)).toEqual(['contract_due_soon', 'contract_due_soon']);
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });
});
