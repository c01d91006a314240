// Professional services: a service provider offers services; an enterprise requests one, the provider
// quotes within its SLA (working days, holidays as data), the enterprise accepts, the provider
// delivers (an evaluation states the five values), and only then may the enterprise rate it.
import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { auditLog } from '../../server/lib/schema.js';
import { createLoggedInUser, createOrganization, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
afterEach(() => clock.reset());

/** Moves the server clock to an instant (before anyone logs in, so sessions live on the same clock). */
function setClock(iso: string) {
  clock.reset();
  clock.advance(Date.parse(iso) - clock.now().getTime());
}

async function cast() {
  const provider = await createOrganization(t.db, { type: 'service_provider', name: '天津滨海科技成果评价中心' });
  const evaluator = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: provider.id });
  const enterprise = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const offering = await evaluator.session.inject({
    method: 'POST',
    url: '/api/service-offerings',
    payload: {
      category: 'evaluation',
      title: '科技成果评价（五元价值）',
      description: '按 GB/T 44731-2024 的程序开展评价，出具评价报告',
      pricing: 'quote',
      quoteWorkingDays: 3,
      deliveryWorkingDays: 10,
    },
  });
  expect(offering.statusCode, offering.body).toBe(201);
  return { provider, evaluator, enterprise, offering: offering.json() as { id: string } };
}

const act = (s: LoggedIn, id: string, payload: Record<string, unknown>) =>
  s.inject({ method: 'POST', url: `/api/service-requests/${id}/transitions`, payload });

const FIVE_VALUES = {
  scientific: '在涂层界面机理方面有新发现',
  technical: '关键指标达到国内先进水平',
  economic: '预计年新增产值 3000 万元',
  social: '减少重防腐涂装 VOC 排放',
  cultural: '无显著文化价值',
};

describe('service requests', () => {
  it('runs request → quote → accepted → delivered → rated with working-day SLAs, audited', async () => {
    setClock('2026-09-30T02:00:00Z'); // Wednesday 10:00 in Tianjin, the day before the National Day holiday
    const { evaluator, enterprise, offering } = await cast();
    const created = await enterprise.session.inject({
      method: 'POST',
      url: '/api/service-requests',
      payload: { offeringId: offering.id, description: '请对我司石墨烯防腐涂料成果开展评价' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const req = created.json();
    // Three working days after 30 September: 8, 9 and 10 October (a make-up Saturday); the holiday does not count.
    expect(req).toMatchObject({
      status: 'requested',
      dueAt: '2026-10-10T16:00:00.000Z',
      overdue: false,
      mySide: 'requester',
      actions: ['cancel'],
    });
    const providerNotes = (await evaluator.session.inject({ method: 'GET', url: '/api/me/notifications' })).json().items;
    expect(providerNotes).toContainEqual(expect.objectContaining({ kind: 'service_request', needsAction: true }));

    // No rating before delivery.
    expect((await act(enterprise.session, req.id, { action: 'rate', rating: 5 })).statusCode).toBe(409);
    // The requester cannot quote; the provider must name the price.
    expect((await act(enterprise.session, req.id, { action: 'quote', quoteFen: 100 })).statusCode).toBe(403);
    const noPrice = await act(evaluator.session, req.id, { action: 'quote' });
    expect(noPrice.statusCode).toBe(400);
    expect(noPrice.json().errors[0].field).toBe('body.quoteFen');

    setClock('2026-10-11T00:00:00Z');
    expect((await evaluator.session.inject({ method: 'GET', url: `/api/service-requests/${req.id}` })).json()).toMatchObject({
      overdue: true,
      mySide: 'provider',
      actions: ['quote', 'decline'],
    });

    const quoted = await act(evaluator.session, req.id, { action: 'quote', quoteFen: 3_000_000, note: '含现场考察' });
    expect(quoted.json()).toMatchObject({ status: 'quoted', quoteFen: 3_000_000, dueAt: null, overdue: false });
    setClock('2026-10-12T02:00:00Z'); // Monday
    const accepted = await act(enterprise.session, req.id, { action: 'accept' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', dueAt: '2026-10-26T16:00:00.000Z' });

    const missing = await act(evaluator.session, req.id, {
      action: 'deliver',
      note: '评价报告已上传',
      evaluationValues: { ...FIVE_VALUES, cultural: undefined },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.evaluationValues.cultural');
    const delivered = await act(evaluator.session, req.id, {
      action: 'deliver',
      note: '评价报告（编号 BHPJ-2026-031）已交付',
      evaluationValues: FIVE_VALUES,
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({ status: 'delivered', deliveredLate: false, evaluationValues: FIVE_VALUES });

    const rated = await act(enterprise.session, req.id, { action: 'rate', rating: 4, comment: '专业、及时' });
    expect(rated.json()).toMatchObject({ status: 'rated', rating: 4, actions: [] });
    const catalogue = (await t.app.inject({ method: 'GET', url: '/api/service-offerings?category=evaluation' })).json().items;
    expect(catalogue).toContainEqual(expect.objectContaining({ id: offering.id, providerRating: 4, providerRatings: 1 }));

    const trail = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, req.id), like(auditLog.action, 'service.%')))
      .orderBy(auditLog.seq);
    expect(trail.map((r) => r.action)).toEqual(['service.request', 'service.quote', 'service.accept', 'service.deliver', 'service.rate']);
  });

  it('starts a fixed-price request as quoted; strangers see nothing; only providers offer services', async () => {
    const { evaluator, enterprise } = await cast();
    const fixed = await evaluator.session.inject({
      method: 'POST',
      url: '/api/service-offerings',
      payload: {
        category: 'ip_agency',
        title: '发明专利申请代理',
        description: '撰写与递交',
        pricing: 'fixed',
        priceFen: 580_000,
        deliveryWorkingDays: 20,
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    const req = (
      await enterprise.session.inject({
        method: 'POST',
        url: '/api/service-requests',
        payload: { offeringId: fixed.json().id, description: '一件发明专利申请' },
      })
    ).json();
    expect(req).toMatchObject({ status: 'quoted', quoteFen: 580_000, actions: ['accept', 'cancel'] });

    const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await stranger.session.inject({ method: 'GET', url: `/api/service-requests/${req.id}` })).statusCode).toBe(404);
    expect((await act(stranger.session, req.id, { action: 'cancel' })).statusCode).toBe(404);

    const notProvider = await enterprise.session.inject({
      method: 'POST',
      url: '/api/service-offerings',
      payload: { category: 'legal', title: '合同审查', description: '技术合同审查', pricing: 'quote', deliveryWorkingDays: 5 },
    });
    expect(notProvider.statusCode).toBe(400);
    expect(notProvider.json().errors[0].field).toBe('body.organizationId');

    const cancelled = await act(enterprise.session, req.id, { action: 'cancel', note: '改由自有专利部门办理' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', closeReason: '改由自有专利部门办理' });
    expect((await act(enterprise.session, req.id, { action: 'rate', rating: 1 })).statusCode).toBe(409);
  });
});
