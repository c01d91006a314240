import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { unique, uniqueCreditCode } from '../factories.js';
import { useTestApp } from '../harness.js';

// One place and no waiting line: whatever arrives while a request works is refused at once.
const t = useTestApp({ env: { REQUEST_PLACES: '1', REQUEST_QUEUE_MAX: '0' } });

const registration = () => ({
  organization: {
    type: 'enterprise',
    name: `津桥排队测试科技有限公司 ${unique()}`,
    creditCode: uniqueCreditCode(),
    regionCode: '12011601',
    address: '天津市滨海高新区华苑产业区',
    contactPhone: '022-12345678',
  },
  user: { name: '张三', email: `queue.${unique()}@example.test`, password: 'Founder-passw0rd' },
});
const orgCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM organizations`))[0]!.n;

describe('the request queue', () => {
  it('a full line answers 503 problem+json with Retry-After at once, and a refused write saves nothing', async () => {
    const before = await orgCount();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.app.inject({ method: 'POST', url: '/api/register', payload: registration() })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toContain(201);
    expect(statuses).toContain(503);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    const refused = answers.find((a) => a.statusCode === 503)!;
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 503, code: 'unavailable' });
    // Exactly the accepted registrations were saved.
    expect(await orgCount()).toBe(before + statuses.filter((s) => s === 201).length);
  });

  it('health, readiness and metrics never wait in the line, and the refusals are counted', async () => {
    const [searches, health] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, () => t.app.inject({ method: 'GET', url: '/api/achievements?q=电池' }))),
      Promise.all([t.app.inject({ url: '/healthz' }), t.app.inject({ url: '/readyz' })]),
    ]);
    expect(health.map((h) => h.statusCode)).toEqual([200, 200]);
    expect(searches.some((s) => s.statusCode === 503)).toBe(true);
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/jinqiao_queue_refused\{queue="requests"\} [1-9]/);
  });

  it('places are given back: one request at a time always gets through', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/achievements?q=电池' });
      expect(res.statusCode).toBe(200);
    }
  });
});
