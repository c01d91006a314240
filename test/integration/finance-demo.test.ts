// The demo's finance and subsidies over the real demo contracts: the 2023 programme's applications
// were computed from contracts registered in 2023, and the estimate an officer sees today agrees
// with the rate schedule (2%, cap ¥1M) contract by contract.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
let officer: LoggedIn;

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
  officer = await loginAs(t.app, { email: 'officer@jinqiao.demo', password: DEMO_PASSWORD });
}, 240_000);

describe('finance demo', { timeout: 120_000 }, () => {
  it('lists investors and programmes publicly', async () => {
    const investors = (await t.app.inject({ method: 'GET', url: '/api/investors' })).json();
    expect(investors.items.map((i: { name: string }) => i.name)).toEqual(
      expect.arrayContaining(['天津海河科创投资管理有限公司', '津沽天使创业投资合伙企业（有限合伙）', '津门银行科技支行']),
    );
    const programmes = (await t.app.inject({ method: 'GET', url: '/api/subsidy-programmes' })).json();
    expect(programmes.items.map((p: { year: number }) => p.year)).toEqual([2026, 2023]);
  });

  it('the 2023 applications match the schedule over the contracts registered in 2023', async () => {
    const programmes = (await t.app.inject({ method: 'GET', url: '/api/subsidy-programmes' })).json();
    const p2023 = programmes.items.find((p: { year: number }) => p.year === 2023);
    const queue = (await officer.inject({ method: 'GET', url: `/api/subsidy-applications?programmeId=${p2023.id}` })).json();
    expect(queue.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(queue.items.map((a: { status: string }) => a.status))).toEqual(
      new Set(['paid', 'noticed', 'in_review', 'returned', 'submitted'].slice(0, queue.items.length)),
    );
    let checked = 0;
    for (const a of queue.items) {
      const e = (
        await officer.inject({ method: 'GET', url: `/api/subsidy-programmes/${p2023.id}/estimate?organizationId=${a.organization.id}` })
      ).json();
      const counted = e.contracts.filter((c: { eligible: boolean }) => c.eligible);
      expect(counted.length).toBe(a.contractIds.length);
      // The base is Σ min(paid, technology transaction amount); 2% of it rounded down, at most ¥1M less what was granted.
      expect(e.baseFen).toBe(
        counted.reduce(
          (s: number, c: { paidFen: number; technologyTransactionAmountFen: number }) =>
            s + Math.min(c.paidFen, c.technologyTransactionAmountFen),
          0,
        ),
      );
      const gross = Math.floor((e.baseFen * 200) / 10_000);
      if (e.blocked.length > 0) {
        // An applicant under an integrity penalty in force (the demo's overdue annual report) gets nothing, and is told why.
        expect(e.amountFen).toBe(0);
        expect(e.blocked.join()).toContain('失信惩戒');
        continue;
      }
      expect(e.amountFen).toBe(Math.max(0, Math.min(gross, 100_000_000 - e.alreadyGrantedFen)));
      if (['submitted', 'returned', 'in_review'].includes(a.status)) expect(e.amountFen).toBe(a.requestedFen);
      else expect(e.alreadyGrantedFen).toBe(a.approvedFen);
      expect(e.contracts.every((c: { registrationNumber: string }) => c.registrationNumber.startsWith('2023'))).toBe(true);
      checked++;
    }
    // The arithmetic above must have run on applicants that are not blocked, not only on the penalised one.
    expect(checked).toBeGreaterThanOrEqual(2);
    const totals = (await officer.inject({ method: 'GET', url: `/api/subsidy-programmes/${p2023.id}/totals` })).json();
    expect(totals.applications).toBe(queue.items.length);
    expect(totals.districts.reduce((s: number, d: { requestedFen: number }) => s + d.requestedFen, 0)).toBe(totals.requestedFen);
  });
});
