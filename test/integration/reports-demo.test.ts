import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReportSummary, AnnualReportView } from '../../common/api/reports.js';
import type { IntegrityRecordView } from '../../common/api/integrity.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { runAnnualReportDuties } from '../../server/modules/reports/jobs.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

/** The demo annual reports and integrity records as the city officer and 津沽大学 meet them. */
const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 600_000);

describe('demo reports', () => {
  it('shows the officer last year’s reports: 津沽大学’s submitted, 海河工业大学’s overdue; and the integrity records', async () => {
    const officer = await loginAs(t.app, { email: 'officer@jinqiao.demo', password: DEMO_PASSWORD });
    const year = Number(localDateOf(clock.now()).slice(0, 4)) - 1;
    const items = (
      (await officer.inject({ method: 'GET', url: `/api/annual-reports?year=${year}` })).json() as { items: AnnualReportSummary[] }
    ).items;
    const byName = new Map(items.map((i) => [i.organization.name, i]));
    expect(byName.get('海河工业大学')).toMatchObject({ status: 'draft', overdue: true });
    if (clock.now() > new Date(`${year + 1}-05-22T00:00:00Z`)) expect(byName.get('津沽大学')).toMatchObject({ status: 'submitted' });
    const records = ((await officer.inject({ method: 'GET', url: '/api/integrity/records' })).json() as { items: IntegrityRecordView[] })
      .items;
    expect(records.some((r) => r.personName === '王某某' && r.inForce)).toBe(true);

    const tto = await loginAs(t.app, { email: 'orgadmin@jinqiao.demo', password: DEMO_PASSWORD });
    const own = ((await tto.inject({ method: 'GET', url: '/api/annual-reports' })).json() as { items: AnnualReportSummary[] }).items;
    expect(own.map((r) => r.organization.name)).toEqual(['津沽大学']);
    const view = (await tto.inject({ method: 'GET', url: `/api/annual-reports/${own[0]!.id}` })).json() as AnnualReportView;
    expect(view.figures.transfers.total.count).toBeGreaterThanOrEqual(0);
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('leaves the yearly duty nothing to open or punish but 海河工业大学 (the generated universities and institutes filed)', async () => {
    const duties = await runAnnualReportDuties({ db: t.db });
    expect(duties.opened).toBe(0);
    expect(duties.entries).toBeLessThanOrEqual(1);
  });
});
