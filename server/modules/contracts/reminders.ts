/**
 * Deadline reminders for registrars: an application under review whose deadline is within
 * DUE_SOON_WORKING_DAYS working days, or past, notifies (in the app) every registrar of its
 * registration point — once per application, condition and deadline. The claim is a row in
 * `contract_deadline_reminders` inserted with ON CONFLICT DO NOTHING in the same transaction as the
 * notifications, so two processes (or two runs) never send one twice; a resubmission's new deadline
 * earns its own reminders.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contractDeadlineReminders, contracts } from './schema.js';
import { registrarsOf } from '../identity/repository.js';
import { organizationsJoinable } from '../organizations/repository.js';
import { notifyUsers } from '../alerts/service.js';
import { systemActor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { addWorkingDays, localDateOf, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { deadlineInfo } from './presenter.js';

export const DUE_SOON_WORKING_DAYS = 2;
export type ReminderKind = 'due_soon' | 'overdue';

/**
 * Deadlines at or before this instant are "within `workingDays` working days" of `now`: the start
 * of the (workingDays + 1)th working day after today (Beijing), i.e. the presenter's
 * `workingDaysLeft` is at most `workingDays`. Holidays in between stretch the window.
 */
export function dueSoonLimit(now: Date, workingDays = DUE_SOON_WORKING_DAYS): Date {
  return startOfLocalDate(addWorkingDays(localDateOf(now), workingDays + 1));
}

/** The registrar's last day, as a Beijing date (the deadline instant is that day's close). */
const lastDay = (deadlineAt: Date) => localDateOf(new Date(deadlineAt.getTime() - 1));

function message(kind: ReminderKind, c: { title: string; applicantName: string; deadlineAt: Date }, now: Date) {
  const left = deadlineInfo('submitted', c.deadlineAt, now).workingDaysLeft ?? 0;
  return kind === 'overdue'
    ? {
        title: `认定登记申请已超期：${c.title}`,
        body: `${c.applicantName} 的申请应于 ${lastDay(c.deadlineAt)} 前办结，已超期${left ? ` ${Math.abs(left)} 个工作日` : ''}。`,
      }
    : {
        title: `认定登记申请即将到期：${c.title}`,
        body: `${c.applicantName} 的申请应于 ${lastDay(c.deadlineAt)} 前办结，还剩 ${left} 个工作日。`,
      };
}

const applicant = organizationsJoinable('applicant');

/** Sends the reminders that are due; returns how many of each kind and how many notifications. */
export async function sendDeadlineReminders(opts: { db: Db }): Promise<{ dueSoon: number; overdue: number; notifications: number }> {
  const now = clock.now();
  const kind = sql<ReminderKind>`CASE WHEN ${contracts.deadlineAt} <= ${now} THEN 'overdue' ELSE 'due_soon' END`;
  const due = await opts.db
    .select({
      id: contracts.id,
      title: contracts.title,
      deadlineAt: contracts.deadlineAt,
      pointId: contracts.registrationOrganizationId,
      organizationId: contracts.organizationId,
      applicantName: applicant.name,
      kind,
    })
    .from(contracts)
    .innerJoin(applicant, eq(applicant.id, contracts.organizationId))
    .leftJoin(
      contractDeadlineReminders,
      and(
        eq(contractDeadlineReminders.contractId, contracts.id),
        eq(contractDeadlineReminders.deadlineAt, contracts.deadlineAt),
        sql`${contractDeadlineReminders.kind} = ${kind}`,
      ),
    )
    .where(
      and(eq(contracts.status, 'submitted'), lte(contracts.deadlineAt, dueSoonLimit(now)), isNull(contractDeadlineReminders.contractId)),
    );
  const result = { dueSoon: 0, overdue: 0, notifications: 0 };
  if (due.length === 0) return result;

  const registrars = await registrarsOf(
    opts.db,
    due.map((d) => d.pointId),
  );
  const recipientsOf = (pointId: string) => registrars.filter((r) => r.organizationId === pointId).map((r) => r.userId);

  await opts.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(contractDeadlineReminders)
      .values(
        due.map((d) => ({
          contractId: d.id,
          kind: d.kind,
          deadlineAt: d.deadlineAt!,
          recipients: recipientsOf(d.pointId).length,
          sentAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ contractId: contractDeadlineReminders.contractId, kind: contractDeadlineReminders.kind });
    const sent = due.filter((d) => claimed.some((c) => c.contractId === d.id && c.kind === d.kind));
    const rows = sent.flatMap((d) => {
      const m = message(d.kind, { ...d, deadlineAt: d.deadlineAt! }, now);
      return recipientsOf(d.pointId).map((userId) => ({
        userId,
        kind: `contract_${d.kind}`,
        title: m.title,
        body: m.body,
        link: `/workspace/contracts/${d.id}`,
      }));
    });
    await notifyUsers(tx, rows, now);
    for (const d of sent) {
      await writeAudit(tx, systemActor('job:contracts'), {
        action: 'contract.deadline_reminder',
        entity: 'contract',
        entityId: d.id,
        organizationId: d.organizationId,
        after: { kind: d.kind, deadlineAt: d.deadlineAt, recipients: recipientsOf(d.pointId).length },
      });
      result[d.kind === 'overdue' ? 'overdue' : 'dueSoon'] += 1;
    }
    result.notifications = rows.length;
  });
  return result;
}
