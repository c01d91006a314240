// The demo challenges: one awarded (panel scores, a prize, the winner's contract application) and one
// open with sealed proposals and its deadline ahead.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../server/db/seed/demo.js';
import { users } from '../../server/modules/identity/schema.js';
import { loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 420_000);

it('seeds an awarded challenge with scores and a contract application, and an open one with sealed proposals', async () => {
  const hall = (await t.app.inject({ method: 'GET', url: '/api/challenges' })).json();
  const awarded = hall.items.find((i: { status: string }) => i.status === 'awarded');
  const open = hall.items.find((i: { status: string }) => i.status === 'published');
  expect(new Date(open.submissionDeadline).getTime()).toBeGreaterThan(t.app.ctx.clock.now().getTime());
  expect(open).toMatchObject({ proposals: 2, sponsor: null, sponsorAnonymous: true });
  expect(hall.statistics).toMatchObject({ awards: 1, contractApplications: 1 });

  const [admin] = await t.db.select().from(users).where(eq(users.email, 'admin@jinqiao.demo'));
  const session = await loginAs(t.app, { email: admin!.email, password: 'jinqiao-demo-2026' });
  const sealed = (await session.inject({ method: 'GET', url: `/api/challenges/${open.id}/proposals` })).json();
  expect(sealed.sealed).toBe(true);
  expect(sealed.items.map((p: { content: unknown }) => p.content)).toEqual([null, null]);

  const detail = (await session.inject({ method: 'GET', url: `/api/challenges/${awarded.id}` })).json();
  expect(detail.awards).toEqual([expect.objectContaining({ rank: 1, contractId: expect.any(String) })]);
  const scored = (await session.inject({ method: 'GET', url: `/api/challenges/${awarded.id}/proposals` })).json();
  expect(scored.items).toHaveLength(2);
  for (const p of scored.items) expect(p.score).toMatchObject({ complete: true, mean: expect.any(Number) });
  expect(scored.items[0].content.title).toBeTruthy();
});
