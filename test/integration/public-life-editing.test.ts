// Owners edit what they published while it is still editable: an organiser an event that has not
// begun (registrants told of a new time or place), a provider its active service offering, an
// officer a draft policy — each audited, refused to anyone else and once no longer editable.
import { and, desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { auditLog } from '../../server/lib/schema.js';
import { createLoggedInUser, createOrganization } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
afterEach(() => clock.reset());

const DAY = 86400_000;
const inDays = (d: number, hours = 0) => new Date(clock.now().getTime() + d * DAY + hours * 3600_000).toISOString();

const lastAudit = async (action: string, entityId: string) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
      .orderBy(desc(auditLog.seq))
      .limit(1)
  )[0];

describe('editing events', { timeout: 120_000 }, () => {
  it('the organiser edits an event before it begins; registrants are told of a new time; seats bound the capacity', async () => {
    const organiser = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const created = await organiser.session.inject({
      method: 'POST',
      url: '/api/events',
      payload: {
        kind: 'roadshow',
        mode: 'offline',
        title: '海河科技成果路演（生物医药专场）',
        summary: '生物医药成果路演',
        venue: '天津市西青区 津桥路演厅',
        startsAt: inDays(10),
        endsAt: inDays(10, 4),
        capacity: 2,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as { id: string; actions: string[] };
    expect(event.actions).toContain('edit');
    const [a, b] = await Promise.all([
      createLoggedInUser(t.app, t.db, { role: 'org_member' }),
      createLoggedInUser(t.app, t.db, { role: 'org_member' }),
    ]);
    for (const s of [a!, b!])
      expect((await s.session.inject({ method: 'POST', url: `/api/events/${event.id}/registrations`, payload: {} })).statusCode).toBe(201);

    const edit = (s: typeof organiser, payload: Record<string, unknown>) =>
      s.session.inject({ method: 'PATCH', url: `/api/events/${event.id}`, payload });
    // A stranger, even an organiser of another organisation, may not.
    const stranger = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    expect((await edit(stranger, { title: '改名' })).statusCode).toBe(403);
    expect((await edit(a!, { title: '改名' })).statusCode).toBe(403);
    // Capacity not below the seats taken; the end after the start.
    const tooSmall = await edit(organiser, { capacity: 1 });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().errors[0].field).toBe('body.capacity');
    const backwards = await edit(organiser, { endsAt: inDays(9) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('body.endsAt');

    const newStart = inDays(12);
    const moved = await edit(organiser, { startsAt: newStart, endsAt: inDays(12, 3), registrationClosesAt: inDays(11), capacity: 80 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ capacity: 80, startsAt: newStart });
    const audit = await lastAudit('event.update', event.id);
    expect(audit?.changes).toMatchObject({ capacity: { from: 2, to: 80 } });
    for (const s of [a!, b!]) {
      const n = (await s.session.inject({ method: 'GET', url: '/api/me/notifications' })).json().items as Array<{
        kind: string;
        link: string;
      }>;
      expect(n).toContainEqual(expect.objectContaining({ kind: 'event_changed', link: `/events/${event.id}` }));
    }
    // A new title alone tells nobody again.
    expect((await edit(organiser, { title: '海河科技成果路演（生物医药与器械专场）' })).statusCode).toBe(200);
    const told = (await a!.session.inject({ method: 'GET', url: '/api/me/notifications' })).json().items as Array<{ kind: string }>;
    expect(told.filter((x) => x.kind === 'event_changed')).toHaveLength(1);

    // Once it has begun it is no longer edited.
    clock.advance(12 * DAY + 3600_000);
    const late = await edit(organiser, { title: '迟到的修改' });
    expect(late.statusCode).toBe(409);
    expect((await organiser.session.inject({ method: 'GET', url: `/api/events/${event.id}` })).json().actions).not.toContain('edit');
  });
});

describe('editing service offerings', { timeout: 120_000 }, () => {
  it('the provider edits its active offering; a request already made keeps its title and price', async () => {
    const provider = await createOrganization(t.db, { type: 'service_provider', name: '天津和平知识产权代理事务所' });
    const agent = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: provider.id });
    const offered = await agent.session.inject({
      method: 'POST',
      url: '/api/service-offerings',
      payload: {
        category: 'ip_agency',
        title: '发明专利申请代理',
        description: '撰写并提交发明专利申请文件',
        pricing: 'fixed',
        priceFen: 600_000,
        deliveryWorkingDays: 20,
      },
    });
    expect(offered.statusCode, offered.body).toBe(201);
    const id = offered.json().id as string;
    const client = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const request = await client.session.inject({
      method: 'POST',
      url: '/api/service-requests',
      payload: { offeringId: id, description: '一件关于电池材料的发明专利申请' },
    });
    expect(request.statusCode, request.body).toBe(201);

    const edit = (s: typeof agent, payload: Record<string, unknown>) =>
      s.session.inject({ method: 'PATCH', url: `/api/service-offerings/${id}`, payload });
    expect((await edit(client, { priceFen: 1 })).statusCode).toBe(403);
    const otherProvider = await createOrganization(t.db, { type: 'service_provider' });
    const rival = await createLoggedInUser(t.app, t.db, { role: 'org_admin', organizationId: otherProvider.id });
    expect((await edit(rival, { priceFen: 1 })).statusCode).toBe(403);

    const noPrice = await edit(agent, { priceFen: null });
    expect(noPrice.statusCode).toBe(400);
    expect(noPrice.json().errors[0].field).toBe('body.priceFen');
    const changed = await edit(agent, { title: '发明专利申请代理（含答复审查意见）', priceFen: 800_000 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: '发明专利申请代理（含答复审查意见）', priceFen: 800_000 });
    expect((await lastAudit('service.update_offering', id))?.changes).toMatchObject({ priceFen: { from: 600_000, to: 800_000 } });
    const listed = (await t.app.inject({ method: 'GET', url: `/api/service-offerings?providerId=${provider.id}` })).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, priceFen: 800_000 })]);
    const made = (await client.session.inject({ method: 'GET', url: `/api/service-requests/${request.json().id}` })).json();
    expect(made).toMatchObject({ offeringTitle: '发明专利申请代理', quoteFen: 600_000 });
    // Switching to quotes clears the fixed price.
    expect((await edit(agent, { pricing: 'quote' })).json()).toMatchObject({ pricing: 'quote', priceFen: null });
  });
});

describe('editing policies', { timeout: 120_000 }, () => {
  it('an officer edits a draft of their region, searchable by its new words; a published policy is final', async () => {
    const officer = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' });
    const created = await officer.session.inject({
      method: 'POST',
      url: '/api/policies',
      payload: {
        title: '滨海新区技术转移机构奖励办法（征求意见稿）',
        level: 'district',
        regionCode: '120116',
        issuer: '天津市滨海新区科学技术局',
        issuedOn: '2026-11-01',
        summary: '对技术转移机构按促成的技术合同给予奖励。',
        fullText: '第一条 ……',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const edit = (s: typeof officer, payload: Record<string, unknown>) =>
      s.session.inject({ method: 'PATCH', url: `/api/policies/${id}`, payload });

    const hexi = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120103' });
    expect((await edit(hexi, { title: '越权修改' })).statusCode).toBe(404); // a draft outside one's scope is not seen
    const member = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await edit(member, { title: '越权修改' })).statusCode).toBe(403);
    const dates = await edit(officer, { effectiveFrom: '2027-01-01', effectiveUntil: '2026-12-31' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors[0].field).toBe('body.effectiveUntil');

    const edited = await edit(officer, {
      title: '滨海新区技术转移机构奖励办法',
      documentNumber: '津滨科发〔2026〕21号',
      tags: ['技术转移', '奖励'],
      fullText: '第一条 为鼓励技术经纪人促成技术合同……',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: '滨海新区技术转移机构奖励办法',
      documentNumber: '津滨科发〔2026〕21号',
      actions: ['edit', 'publish'],
    });
    expect((await lastAudit('policy.update', id))?.changes).toMatchObject({
      title: { from: '滨海新区技术转移机构奖励办法（征求意见稿）', to: '滨海新区技术转移机构奖励办法' },
    });

    expect((await officer.session.inject({ method: 'POST', url: `/api/policies/${id}/publish` })).statusCode).toBe(200);
    const found = (await t.app.inject({ method: 'GET', url: `/api/policies?q=${encodeURIComponent('技术经纪人')}` })).json();
    expect(found.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await edit(officer, { title: '发布后修改' })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/policies/${id}` })).json().actions).toEqual([]);
  });
});
