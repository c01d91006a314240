import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ContractPage, ContractView } from '../../common/api/contracts.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.js';
import { clock } from '../../server/lib/clock.js';
import { createLoggedInUser } from '../factories.js';
import { useTestApp } from '../harness.js';
import {
  addPoolExperts,
  certify,
  registrationCast,
  reviewOnPanel,
  submitApplication,
  transition,
  type RegistrationCast,
} from './contracts-fixtures.js';

/**
 * Registration deadlines in working days from the real holiday calendar, around National Day 2026
 * (1–7 October off, Sunday 20 September and Saturday 10 October worked). Without the holiday, 15
 * working days after Monday 28 September would end on 19 October; with it, on Friday 23 October.
 */
const t = useTestApp();
let cast: RegistrationCast;

beforeAll(async () => {
  if (!t.app) return;
  cast = await registrationCast(t);
});
afterEach(() => clock.reset());

/** Moves the server clock to an instant (tests only move it forward from the real now, or back via reset). */
function setClock(iso: string) {
  clock.reset();
  clock.advance(Date.parse(iso) - clock.now().getTime());
}
const MILLION_YUAN = 100_000_000; // fen
const queue = async (query = '') =>
  (
    (await cast.registrarSession.inject({ method: 'GET', url: `/api/registration/contracts${query}` })).json() as z.infer<
      typeof ContractPage
    >
  ).items;

describe('the registrar’s deadline', () => {
  it('is the close of the 15th working day after a complete application, skipping National Day and counting the make-up Saturday', async () => {
    setClock('2026-09-28T02:00:00Z'); // Monday 10:00 in Beijing
    const c = await submitApplication(cast);
    expect(c.review).toMatchObject({
      workingDays: 15,
      expertReviewRequired: false,
      deadlineAt: '2026-10-23T16:00:00.000Z',
      workingDaysLeft: 15,
      overdue: false,
    });
  });

  it('is 30 working days with expert review from ¥5,000,000 of technology transaction amount, and certification waits for the experts', async () => {
    setClock('2026-09-28T02:00:00Z');
    const c = await submitApplication(cast, {
      contractAmountFen: 5 * MILLION_YUAN + 15_000_000,
      nonTechnicalCosts: [{ kind: 'equipment', description: '设备', amountFen: 15_000_000, note: '专用设备' }],
      payments: [],
    });
    expect(c.amounts.technologyTransactionAmountFen).toBe(5 * MILLION_YUAN);
    expect(c.review).toMatchObject({ workingDays: 30, expertReviewRequired: true, deadlineAt: '2026-11-13T16:00:00.000Z' });
    expect(
      ((await cast.registrarSession.inject({ method: 'GET', url: `/api/contracts/${c.id}` })).json() as ContractView).actions,
    ).not.toContain('certify');
    expect((await certify(cast, c.id)).statusCode).toBe(409);
    // The review panel is drawn from the expert pool; an expert of the applicant's organisation is never drawn.
    const pool = await addPoolExperts(t, 3);
    const [sameOrg] = await addPoolExperts(t, 1, { organizationId: cast.applicantOrg.id });
    expect(
      (
        await cast.registrarSession.inject({
          method: 'PUT',
          url: `/api/contracts/${c.id}/expert-review`,
          payload: { opinion: '尚未抽取评审专家，不能记录意见。' },
        })
      ).statusCode,
    ).toBe(409);
    const review = await reviewOnPanel(cast, c.id, 0.9, '合同标的为技术转让，价款构成合理，技术交易额认定无误。');
    expect(review.statusCode, review.body).toBe(200);
    const recorded = (review.json() as ContractView).review.expertReview!;
    expect(recorded).toMatchObject({ conclusion: 'supports', mean: 90 });
    expect(recorded.experts.map((e) => e.name)).not.toContain(sameOrg!.name);
    expect(recorded.experts.map((e) => e.name).sort()).toEqual(pool.map((p) => p.name).sort());
    expect((await certify(cast, c.id)).statusCode).toBe(200);
  });

  it('certifying against an expert review that concludes 不支持 needs the registrar’s written reasoning, kept on the record and in the audit', async () => {
    const c = await submitApplication(cast, { contractAmountFen: 6 * MILLION_YUAN, nonTechnicalCosts: [], payments: [] });
    await addPoolExperts(t, 3);
    const review = await reviewOnPanel(cast, c.id, 0.5, '标的以设备供货为主，技术含量不足，不支持按技术转让合同认定。');
    expect((review.json() as ContractView).review.expertReview).toMatchObject({ conclusion: 'does_not_support', mean: 50 });
    expect(review.statusCode, review.body).toBe(200);
    const bare = await certify(cast, c.id);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe('body.note');
    const reasoning = '经复核合同附件三，技术资料与培训占价款七成以上，专家意见所称设备供货为配套部分，故予认定。';
    const ok = await transition(cast.registrarSession, c.id, { action: 'certify', note: reasoning });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as ContractView).review.note).toBe(reasoning);
    const [row] = await queryRows<{ changes: string }>(
      t.db,
      sql`SELECT changes::text AS changes FROM audit_log WHERE entity_id = ${c.id} AND action LIKE '%certify' ORDER BY seq DESC LIMIT 1`,
    );
    expect(row?.changes).toContain(reasoning);
  });

  it('stops when the application is returned and restarts in full on resubmission', async () => {
    setClock('2026-09-28T02:00:00Z');
    const c = await submitApplication(cast);
    setClock('2026-09-30T02:00:00Z');
    await transition(cast.registrarSession, c.id, { action: 'return', note: '请补充合同附件二' });
    setClock('2026-10-09T02:00:00Z'); // Friday after the holiday
    const again = (await transition(cast.applicantSession, c.id, { action: 'submit' })).json() as ContractView;
    // 15 working days after Friday 9 October: Saturday 10 October is a working day, so Thursday 29 October.
    expect(again.review.submittedAt!.slice(0, 16)).toBe('2026-10-09T02:00');
    expect(again.review.deadlineAt).toBe('2026-10-29T16:00:00.000Z');
  });
});

describe('the queue', () => {
  it('lists soonest deadline first and flags what is overdue', async () => {
    const fresh = await registrationCast(t, { pointRegion: '120104' });
    setClock('2026-09-28T02:00:00Z');
    const big = await submitApplication(fresh, { contractAmountFen: 6 * MILLION_YUAN, nonTechnicalCosts: [], payments: [] });
    setClock('2026-09-29T02:00:00Z');
    const small = await submitApplication(fresh);
    const items = async (query = '') =>
      (
        (await fresh.registrarSession.inject({ method: 'GET', url: `/api/registration/contracts${query}` })).json() as z.infer<
          typeof ContractPage
        >
      ).items;
    expect((await items()).map((i) => i.id)).toEqual([small.id, big.id]);

    // small's 15th working day after Tuesday 29 September is Monday 26 October: on Tuesday it is overdue.
    setClock('2026-10-27T02:00:00Z');
    const [first, second] = await items();
    expect(first).toMatchObject({ id: small.id, overdue: true });
    expect(first!.workingDaysLeft).toBeLessThan(0);
    expect(second).toMatchObject({ id: big.id, overdue: false });
    expect((await items('?overdue=true')).map((i) => i.id)).toEqual([small.id]);
    expect((await items('?overdue=false')).map((i) => i.id)).toEqual([big.id]);
    // Another point's registrar has its own queue.
    expect((await queue()).map((i) => i.id)).not.toContain(small.id);
  });
});

describe('the parameters', () => {
  it('are public, changed by platform admins only, and apply to later submissions', async () => {
    const shown = (await t.app.inject({ method: 'GET', url: '/api/contracts/parameters' })).json() as {
      items: Array<{ key: string; value: number; source: string }>;
    };
    expect(shown.items.find((p) => p.key === 'expertReviewThresholdFen')).toMatchObject({
      value: 500_000_000,
      source: expect.stringMatching(/技术合同认定登记/),
    });
    const byRegistrar = await cast.registrarSession.inject({
      method: 'PUT',
      url: '/api/contracts/parameters',
      payload: { reviewWorkingDays: 10 },
    });
    expect(byRegistrar.statusCode).toBe(403);
    const admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
    const changed = await admin.inject({ method: 'PUT', url: '/api/contracts/parameters', payload: { reviewWorkingDays: 10 } });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      setClock('2026-09-28T02:00:00Z');
      const c = await submitApplication(cast);
      expect(c.review).toMatchObject({ workingDays: 10, deadlineAt: '2026-10-16T16:00:00.000Z' });
    } finally {
      await admin.inject({ method: 'PUT', url: '/api/contracts/parameters', payload: { reviewWorkingDays: 15 } });
    }
  });
});
