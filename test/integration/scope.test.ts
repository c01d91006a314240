import { describe, expect, it } from 'vitest';
import { createLoggedInUser, createOrganization, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

describe('region scope of a government officer', () => {
  it('lists only organisations in the governed subtree', async () => {
    const district = await createOrganization(t.db, { regionCode: '120116' }); // 滨海新区
    const park = await createOrganization(t.db, { regionCode: '12011601' }); // 滨海高新区, a park of 滨海新区
    const nankai = await createOrganization(t.db, { regionCode: '120104' }); // 南开区
    const nankaiPark = await createOrganization(t.db, { regionCode: '12010401' });
    const { session: officer } = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' });

    const res = await officer.inject({ method: 'GET', url: '/api/organizations?limit=200' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Array<{ id: string; regionCode: string }>; total: number };
    const ids = items.map((o) => o.id);
    expect(ids).toContain(district.id);
    expect(ids).toContain(park.id);
    expect(ids).not.toContain(nankai.id);
    expect(ids).not.toContain(nankaiPark.id);
    for (const o of items) expect(['120116', '12011601', '12011602', '12011603', '12011604', '12011605']).toContain(o.regionCode);
    expect(total).toBe(items.length);

    // Filtering by a region outside the scope does not widen it.
    const outside = await officer.inject({ method: 'GET', url: '/api/organizations?regionCode=120104' });
    expect(outside.json().items).toEqual([]);
  });

  it('gets 404 for an organisation in another district, and the one in scope in full', async () => {
    const inScope = await createOrganization(t.db, { regionCode: '12011602' });
    const nankai = await createOrganization(t.db, { regionCode: '120104' });
    const { session: officer } = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120116' });
    const other = await officer.inject({ method: 'GET', url: `/api/organizations/${nankai.id}` });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    expect(other.body).not.toContain(nankai.name);
    const own = await officer.inject({ method: 'GET', url: `/api/organizations/${inScope.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: inScope.id, name: inScope.name, actions: [] });
  });

  it('a city-wide officer sees every district, a platform admin sees all', async () => {
    const nankai = await createOrganization(t.db, { regionCode: '120104' });
    const binhai = await createOrganization(t.db, { regionCode: '120116' });
    const { session: city } = await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120000' });
    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    for (const s of [city, admin]) {
      const ids = (await s.inject({ method: 'GET', url: '/api/organizations?limit=200' })).json().items.map((o: { id: string }) => o.id);
      expect(ids).toEqual(expect.arrayContaining([nankai.id, binhai.id]));
    }
  });
});

describe('organisation scope of members', () => {
  it('an org member gets 404 for another organisation (not 403, not the data) and sees its own', async () => {
    const { user, session: member } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const other = await createOrganization(t.db, { regionCode: '120116' });
    for (const url of [`/api/organizations/${other.id}`, `/api/organizations/${other.id}/members`]) {
      const res = await member.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain(other.name);
      expect(res.body).not.toContain(other.creditCode);
    }
    const own = await member.inject({ method: 'GET', url: `/api/organizations/${user.organizationId}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().actions).toEqual([]);
    const members = await member.inject({ method: 'GET', url: `/api/organizations/${user.organizationId}/members` });
    expect(members.json().items).toEqual([expect.objectContaining({ userId: user.id, roles: ['org_member'] })]);
  });

  it('an org member may not list organisations at all', async () => {
    const { session: member } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await member.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(403);
  });

  it('an org admin cannot edit or manage another organisation: 404', async () => {
    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const other = await createOrganization(t.db);
    const patch = await admin.inject({ method: 'PATCH', url: `/api/organizations/${other.id}`, payload: { name: '被改名' } });
    expect(patch.statusCode).toBe(404);
    const add = await admin.inject({
      method: 'POST',
      url: `/api/organizations/${other.id}/members`,
      payload: { email: 'x@example.test', name: 'X', role: 'org_member', password: 'Initial-passw0rd' },
    });
    expect(add.statusCode).toBe(404);
  });

  it('an org admin invites a new e-mail: the person logs in with the initial password, accepts, and sees the organisation', async () => {
    const { user: adminUser, session: admin } = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
    const email = `new.member.${Date.now()}@example.test`;
    const password = 'Initial-passw0rd';
    const res = await admin.inject({
      method: 'POST',
      url: `/api/organizations/${adminUser.organizationId}/members`,
      payload: { email, name: '李四', role: 'org_member', password },
    });
    expect(res.statusCode).toBe(202);
    expect(res.body).not.toContain('initialPassword');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect(login.statusCode).toBe(200);
    expect(login.json().memberships).toEqual([]);
    const session = await loginAs(t.app, { email, password });
    const [invitation] = (await session.inject({ method: 'GET', url: '/api/me/invitations' })).json().items;
    expect((await session.inject({ method: 'POST', url: `/api/me/invitations/${invitation.id}/accept` })).statusCode).toBe(204);
    const me = (await session.inject({ method: 'GET', url: '/api/me' })).json();
    expect(me.memberships).toEqual([expect.objectContaining({ organizationId: adminUser.organizationId, roles: ['org_member'] })]);
  });
});
