import { and, inArray, lte } from 'drizzle-orm';
import { ANNUAL_REPORT_PARAMETERS as P, mustFileAnnualReport } from '../../../common/reports.js';
import type { Db } from '../../db/client.js';
import { systemActor } from '../../lib/actor.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import type { Job } from '../../lib/scheduler.js';
import { notify } from '../alerts/notify.js';
import { recordAutomaticEntry } from '../integrity/service.js';
import { activeOrganizationsOfTypes, organizationsByIds } from '../organizations/lookups.js';
import { ensureReport } from './annual.js';
import { NOT_HANDED_IN } from './lifecycle.js';
import { annualReportReminders, annualReports } from './schema.js';
import { graceEndsAt, localYearOf, reportWindow } from './window.js';

const DAY_MS = 86400_000;
const link = (id: string) => `/workspace/annual-reports/${id}`;

/**
 * The annual report's duties on the clock, idempotent (each reminder and entry is claimed in the
 * database, so reruns and several processes do each once):
 * 1. once the window for last year's report opens, every organisation that must file has a draft;
 * 2. before the due date, the organisation is reminded at each `reminderDaysBefore` (the nearest
 *    one that applies; earlier ones missed are not sent late);
 * 3. past the due date it is told once that the report is overdue;
 * 4. past the grace period, a report still not handed in becomes an integrity entry.
 */
export async function runAnnualReportDuties(opts: { db: Db }) {
  const { db } = opts;
  const actor = systemActor('job:reports.annual_duties');
  const now = clock.now();
  const year = localYearOf(now) - 1;
  let opened = 0;
  if (now >= reportWindow(year).windowOpensAt) {
    const orgs = (await activeOrganizationsOfTypes(db, ['university', 'research_institute'])).filter(mustFileAnnualReport);
    for (const org of orgs) if ((await db.transaction((tx) => ensureReport(tx, actor, org, year))).created) opened += 1;
  }
  const pending = await db
    .select()
    .from(annualReports)
    .where(and(inArray(annualReports.status, [...NOT_HANDED_IN]), lte(annualReports.windowOpensAt, now)));
  const names = await organizationsByIds(
    db,
    pending.map((r) => r.organizationId),
  );
  let reminded = 0;
  let overdue = 0;
  let entries = 0;
  for (const r of pending) {
    const daysLeft = (r.dueAt.getTime() - now.getTime()) / DAY_MS;
    const orgName = names.get(r.organizationId)?.name ?? '';
    await db.transaction(async (tx) => {
      const claim = async (kind: string) =>
        (await tx.insert(annualReportReminders).values({ reportId: r.id, kind, sentAt: now }).onConflictDoNothing().returning()).length > 0;
      if (daysLeft >= 0) {
        const due = [...P.reminderDaysBefore.value].sort((a, b) => a - b).find((d) => daysLeft <= d);
        if (due !== undefined && (await claim(`before_${due}`))) {
          reminded += 1;
          await notify(tx, {
            organizationId: r.organizationId,
            kind: 'annual_report_due',
            title: `${r.year} 年度科技成果转化年度报告将于 ${localDateOf(new Date(r.dueAt.getTime() - 1))} 截止报送`,
            body: `还剩 ${Math.ceil(daysLeft)} 天，请尽快完成填报并提交。`,
            link: link(r.id),
            needsAction: true,
          });
        }
        return;
      }
      if (await claim('overdue')) {
        overdue += 1;
        await notify(tx, {
          organizationId: r.organizationId,
          kind: 'annual_report_overdue',
          title: `${r.year} 年度科技成果转化年度报告已逾期`,
          body: `逾期 ${P.integrityGraceDays.value} 天仍未报送的，将记入诚信记录。`,
          link: link(r.id),
          needsAction: true,
        });
      }
      if (now > graceEndsAt(r.dueAt)) {
        const id = await recordAutomaticEntry(tx, actor, {
          source: 'annual_report',
          sourceRef: r.id,
          organizationId: r.organizationId,
          regionCode: r.regionCode,
          misconduct: `${orgName}未按期报送 ${r.year} 年度科技成果转化年度报告（截止 ${localDateOf(new Date(r.dueAt.getTime() - 1))}，宽限 ${P.integrityGraceDays.value} 天）`,
          penaltyKind: 'record_only',
          decidingBody: '科技成果转化年度报告主管部门（平台自动记录）',
          legalBasis: 'transformation_law_21',
          effectiveOn: localDateOf(now),
          periodMonths: P.overduePenaltyMonths.value,
        });
        if (id) entries += 1;
      }
    });
  }
  return { opened, reminded, overdue, entries };
}

export const annualReportDutiesJob: Job = {
  name: 'reports.annual_duties',
  everyMs: 3600_000,
  async run({ db }) {
    const r = await runAnnualReportDuties({ db });
    return `opened ${r.opened}, reminded ${r.reminded}, overdue ${r.overdue}, integrity entries ${r.entries}`;
  },
};

/** This module's recurring jobs (registered in server/app.ts SCHEDULED_JOBS). */
export const reportsJobs: Job[] = [annualReportDutiesJob];
