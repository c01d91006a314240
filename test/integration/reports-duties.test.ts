// The annual report on the clock (reports.annual_duties): reminders before the due date, an
// overdue notice, and — past the grace period — an integrity entry for a report never handed in,
// made once; a report handed in on time makes none. The penalty then ends by itself.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnnualReportView } from '../../common/api/reports.js';
import type { IntegrityRecordView } from '../../common/api/integrity.js';
import { ANNUAL_REPORT_PARAMETERS } from '../../common/reports.js';
import { localDateOf, startOfLocalDate } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { notifications } from '../../server/modules/alerts/schema.js';
import { activePenaltiesOf } from '../../server/modules/integrity/service.js';
import { runAnnualReportDuties } from '../../server/modules/reports/jobs.js';
import type { LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { relogin, university } from './reports-fixtures.js';

const t = useTestApp();

function advanceTo(iso: string) {
  const ms = Date.parse(iso) - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
}
const kindsFor = async (userId: string) =>
  (await t.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);
const recordsOf = async (s: LoggedIn) =>
  ((await s.inject({ method: 'GET', url: '/api/integrity/records' })).json() as { items: IntegrityRecordView[] }).items;

describe('annual report duties', () => {
  it('reminds before the due date, warns when overdue, records an integrity entry past the grace period once; the penalty then ends by itself', async () => {
    const late = await university(t);
    const onTime = await university(t);
    const year = Number(localDateOf(clock.now()).slice(0, 4));
    const due = ANNUAL_REPORT_PARAMETERS.dueOn.value; // 05-31: due at 24:00 Beijing = 16:00 UTC that day
    const dueAt = Date.parse(`${year + 1}-${due}T16:00:00Z`);

    // A week before the due date: both organisations have a draft (opened by the job) and the 7-day reminder, once.
    advanceTo(new Date(dueAt - 6.5 * 86400_000).toISOString());
    await runAnnualReportDuties({ db: t.db });
    await runAnnualReportDuties({ db: t.db });
    expect((await kindsFor(late.member.id)).filter((k) => k === 'annual_report_due')).toHaveLength(1);
    await relogin(t, late);
    await relogin(t, onTime);
    const report = (
      (await late.memberSession.inject({ method: 'GET', url: `/api/annual-reports?year=${year}` })).json() as {
        items: AnnualReportView[];
      }
    ).items[0]!;
    expect(report).toMatchObject({ status: 'draft', overdue: false, organization: { id: late.org.id } });

    // The punctual one submits.
    const own = (
      (await onTime.memberSession.inject({ method: 'GET', url: `/api/annual-reports?year=${year}` })).json() as {
        items: AnnualReportView[];
      }
    ).items[0]!;
    const content = {
      work: { summary: '全年完成科技成果转化项目 8 项，建立了成果转化全流程管理制度。', problems: '' },
      policy: { implementation: '落实成果转化收益分配、作价投资决策等政策，修订了学校相关管理办法。', extraProjects: [] },
    };
    expect((await onTime.memberSession.inject({ method: 'PUT', url: `/api/annual-reports/${own.id}`, payload: content })).statusCode).toBe(
      200,
    );
    const submitted = await onTime.memberSession.inject({
      method: 'POST',
      url: `/api/annual-reports/${own.id}/transitions`,
      payload: { action: 'submit' },
    });
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: false });

    // Just past the due date: overdue, told once, but no integrity entry within the grace period.
    advanceTo(new Date(dueAt + 3600_000).toISOString());
    await runAnnualReportDuties({ db: t.db });
    await runAnnualReportDuties({ db: t.db });
    expect((await kindsFor(late.member.id)).filter((k) => k === 'annual_report_overdue')).toHaveLength(1);
    await relogin(t, late);
    const mine = async () => (await recordsOf(late.adminSession)).filter((r) => r.misconduct.includes(`${year} 年度`));
    expect(await mine()).toEqual([]);

    // Past the grace period: one entry, whatever the number of runs; the punctual one has none.
    advanceTo(new Date(dueAt + (ANNUAL_REPORT_PARAMETERS.integrityGraceDays.value + 1) * 86400_000).toISOString());
    const first = await runAnnualReportDuties({ db: t.db });
    await runAnnualReportDuties({ db: t.db });
    expect(first.entries).toBeGreaterThanOrEqual(1);
    await relogin(t, late);
    await relogin(t, onTime);
    const entries = await mine();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source: 'annual_report',
      inForce: true,
      legalBasis: 'transformation_law_21',
      periodMonths: ANNUAL_REPORT_PARAMETERS.overduePenaltyMonths.value,
      actions: ['appeal'],
    });
    expect((await recordsOf(onTime.adminSession)).filter((r) => r.misconduct.includes(`${year} 年度`))).toEqual([]);
    const flags = (await t.app.inject({ method: 'GET', url: `/api/integrity/organizations/${late.org.id}/flags` })).json() as {
      items: Array<{ id: string }>;
    };
    expect(flags.items.map((f) => f.id)).toContain(entries[0]!.id);
    const listed = (
      (await late.memberSession.inject({ method: 'GET', url: `/api/annual-reports?year=${year}` })).json() as {
        items: AnnualReportView[];
      }
    ).items[0]!;
    expect(listed).toMatchObject({ overdue: true, integrityFlag: true });

    // The penalty ends by itself: in force on the day before its end, not from its end on.
    const endsOn = entries[0]!.endsOn;
    const ids = async (at: Date) => (await activePenaltiesOf(t.db, late.org.id, at)).map((p) => p.id);
    expect(await ids(new Date(startOfLocalDate(endsOn).getTime() - 1))).toContain(entries[0]!.id);
    expect(await ids(startOfLocalDate(endsOn))).not.toContain(entries[0]!.id);
    advanceTo(startOfLocalDate(endsOn).toISOString());
    const after = (await t.app.inject({ method: 'GET', url: `/api/integrity/organizations/${late.org.id}/flags` })).json() as {
      items: Array<{ id: string }>;
    };
    expect(after.items.map((f) => f.id)).not.toContain(entries[0]!.id);
    await relogin(t, late);
    expect((await mine())[0]).toMatchObject({ id: entries[0]!.id, inForce: false });
  });
});
