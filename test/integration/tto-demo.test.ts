import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

/** The demo TTO at 津沽大学: disclosures at every stage, one became an achievement, a paid distribution. */
const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 300_000);

describe('demo TTO', () => {
  it('shows the TTO its queue and the researcher his disclosures and statement', async () => {
    const tto = await loginAs(t.app, { email: 'tto@jinqiao.demo', password: DEMO_PASSWORD });
    const queue = (await tto.inject({ method: 'GET', url: '/api/disclosures/queue' })).json().items as Array<{
      status: string;
      decision: string | null;
      achievementId: string | null;
    }>;
    expect(queue.map((d) => d.status).sort()).toEqual(['assessing', 'decided', 'decided', 'returned', 'submitted']);
    expect(queue.filter((d) => d.achievementId)).toHaveLength(1);

    const researcher = await loginAs(t.app, { email: 'member@jinqiao.demo', password: DEMO_PASSWORD });
    const mine = (await researcher.inject({ method: 'GET', url: '/api/me/disclosures' })).json().items as Array<{ status: string }>;
    expect(mine.map((d) => d.status)).toContain('draft');

    const dists = (await researcher.inject({ method: 'GET', url: '/api/income-distributions' })).json().items as Array<{
      status: string;
      teamShareFen: number;
      statements: Array<{ name: string; amountFen: number }>;
    }>;
    expect(dists).toHaveLength(1);
    expect(dists[0]).toMatchObject({ status: 'paid', statements: [expect.objectContaining({ name: '刘教授' })] });
    const all = (await tto.inject({ method: 'GET', url: '/api/income-distributions' })).json().items[0];
    expect(all.statements.reduce((s: number, x: { amountFen: number }) => s + x.amountFen, 0)).toBe(all.teamShareFen);
  });
});
