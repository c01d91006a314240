import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

/** The demo policy library, events and service catalogue, as a visitor and the demo enterprise meet them. */
const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 600_000);

describe('demo public life (policies, events, services)', () => {
  it('fills the public lists: real policies, upcoming and past events, a service catalogue', async () => {
    const policies = (await t.app.inject({ method: 'GET', url: '/api/policies?limit=100' })).json();
    expect(policies.total).toBeGreaterThanOrEqual(8);
    expect(policies.items.map((p: { documentNumber: string | null }) => p.documentNumber)).toEqual(
      expect.arrayContaining(['国发〔2017〕44号', '国办发〔2021〕26号', '国科发政〔2017〕115号', '中华人民共和国主席令第三十二号']),
    );
    const found = (await t.app.inject({ method: 'GET', url: `/api/policies?q=${encodeURIComponent('技术转移体系')}` })).json();
    expect(found.items.map((p: { title: string }) => p.title)).toEqual(
      expect.arrayContaining(['国家技术转移体系建设方案', '天津市技术转移体系建设方案']),
    );

    const upcoming = (await t.app.inject({ method: 'GET', url: '/api/events?when=upcoming' })).json().items;
    expect(upcoming).toHaveLength(2);
    expect(upcoming[0]).toMatchObject({ kind: 'roadshow', registered: 3 });
    const past = (await t.app.inject({ method: 'GET', url: '/api/events?when=past' })).json().items;
    expect(past).toHaveLength(1);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/events/${past[0].id}` })).json();
    expect(detail.projects[0].result).toMatchObject({ scored: 1 });
    expect(detail.projects[0].result.mean).toBeGreaterThan(0);

    const offerings = (await t.app.inject({ method: 'GET', url: '/api/service-offerings' })).json().items;
    expect(new Set(offerings.map((o: { category: string }) => o.category))).toEqual(
      new Set(['ip_agency', 'legal', 'valuation', 'evaluation']),
    );
    expect(offerings.find((o: { category: string }) => o.category === 'evaluation')).toMatchObject({
      providerRating: 5,
      providerRatings: 1,
    });
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('gives the demo enterprise its ticket, its service requests and the policies that apply to it', async () => {
    const ent = await loginAs(t.app, { email: 'enterprise@jinqiao.demo', password: DEMO_PASSWORD });
    const regs = (await ent.inject({ method: 'GET', url: '/api/me/event-registrations' })).json().items;
    expect(regs.find((r: { status: string }) => r.status === 'registered').ticket).toMatch(/\./);
    const requests = (await ent.inject({ method: 'GET', url: '/api/me/service-requests' })).json().items;
    expect(requests.map((r: { status: string }) => r.status).sort()).toEqual(['rated', 'requested']);
    const match = (await ent.inject({ method: 'GET', url: '/api/policies/match' })).json();
    const verdictOf = (n: string) =>
      match.items.find((i: { policy: { documentNumber: string } }) => i.policy.documentNumber === n)?.verdict;
    expect(verdictOf('国科发政〔2017〕115号')).toBe('applies'); // enterprises
    expect(verdictOf('国发〔2016〕16号')).toBe('no'); // universities and institutes
  });
});
