import { beforeAll, describe, expect, it } from 'vitest';
import type { ScreeningView } from '../../common/api/export-control.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

/** The demo's US buyer with a restricted deal held pending the letter of intent. */
const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 180_000);

describe('demo export control', () => {
  it('the city officer’s queue holds the US buyer’s restricted deal; the buyer sees it held and no contacts', async () => {
    const officer = await loginAs(t.app, { email: 'officer@jinqiao.demo', password: DEMO_PASSWORD });
    const queue = (await officer.inject({ method: 'GET', url: '/api/export-control/screenings' })).json().items as ScreeningView[];
    expect(queue).toHaveLength(1);
    const s = queue[0]!;
    expect(s).toMatchObject({ subject: 'deal', status: 'held', hold: 'held', foreignCountry: 'US', decision: 'restricted' });
    expect(s.candidates[0]).toMatchObject({ code: '252604X' });
    expect(s.actions).toEqual(['record_intent', 'record_refusal']);

    const buyer = await loginAs(t.app, { email: 'buyer.us@jinqiao.demo', password: DEMO_PASSWORD });
    const hold = (await buyer.inject({ method: 'GET', url: `/api/export-control/holds?subject=deal&id=${s.subjectId}` })).json();
    expect(hold).toMatchObject({ hold: 'held', status: 'held', crossBorder: true });
    const record = (await buyer.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json();
    expect(record.contacts).toBeNull();
    expect(record.team).toEqual([]);
  });
});
