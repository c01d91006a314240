import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { users } from '../../server/modules/identity/schema.js';
import { organizations } from '../../server/modules/organizations/schema.js';
import { createLoggedInUser, createOrganization, loginAs, unique, uniqueCreditCode } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

function registration(over: { creditCode?: string; email?: string; regionCode?: string; type?: string } = {}) {
  return {
    organization: {
      type: over.type ?? 'enterprise',
      name: `津桥测试科技有限公司 ${unique()}`,
      creditCode: over.creditCode ?? uniqueCreditCode(),
      regionCode: over.regionCode ?? '12011601',
      address: '天津市滨海高新区华苑产业区',
      contactPhone: '022-12345678',
    },
    user: { name: '张三', email: over.email ?? `founder.${unique()}@example.test`, password: 'Founder-passw0rd' },
  };
}
const register = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/register', payload: payload as object });
const orgCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM organizations`))[0]!.n;

describe('registration', () => {
  it('accepts a credit code from another area but warns about it on the organisation', async () => {
    const elsewhere = await register(registration({ creditCode: uniqueCreditCode('110108'), regionCode: '12011601' }));
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().organization.creditCodeAreaMismatch).toBe('110108');
    const here = await register(registration({ creditCode: uniqueCreditCode('120116'), regionCode: '12011601' }));
    expect(here.json().organization.creditCodeAreaMismatch).toBeNull();
  });

  it('creates a pending organisation and its first admin', async () => {
    const body = registration();
    const res = await register(body);
    expect(res.statusCode).toBe(201);
    const { organization, userId } = res.json();
    expect(organization).toMatchObject({
      status: 'pending',
      creditCode: body.organization.creditCode,
      regionCode: '12011601',
      name: body.organization.name,
    });
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, organization.id));
    expect(org!.status).toBe('pending');
    const [user] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(user!.email).toBe(body.user.email);
    expect(user!.passwordHash).not.toContain(body.user.password);
  });

  it('normalises a lower-case credit code to upper case', async () => {
    const code = uniqueCreditCode();
    const res = await register(registration({ creditCode: code.toLowerCase() }));
    expect(res.statusCode).toBe(201);
    expect(res.json().organization.creditCode).toBe(code);
  });

  it.each([
    ['a wrong check character', (c: string) => c.slice(0, 17) + (c[17] === '0' ? '1' : '0')],
    ['17 characters', (c: string) => c.slice(0, 17)],
    ['a forbidden letter O', (c: string) => 'O' + c.slice(1)],
  ])('refuses a credit code with %s: 400 naming body.organization.creditCode, nothing saved', async (_label, spoil) => {
    const before = await orgCount();
    const res = await register(registration({ creditCode: spoil(uniqueCreditCode()) }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.organization.creditCode']);
    expect(await orgCount()).toBe(before);
  });

  it('refuses a region outside the platform city', async () => {
    const res = await register(registration({ regionCode: '110101' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.organization.regionCode');
  });

  it('refuses to register a government body', async () => {
    const res = await register(registration({ type: 'government' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.organization.type');
  });

  it('refuses a credit code that is already registered: 409', async () => {
    const existing = await createOrganization(t.db);
    const res = await register(registration({ creditCode: existing.creditCode }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'body.organization.creditCode' }] });
  });

  it('leaves nothing half-saved when the e-mail is taken: no organisation, no audit rows', async () => {
    const first = registration();
    expect((await register(first)).statusCode).toBe(201);
    const orgsBefore = await orgCount();
    const [auditBefore] = await queryRows<{ s: number }>(t.db, sql`SELECT max(seq)::int AS s FROM audit_log`);

    const second = registration({ email: first.user.email.toUpperCase() });
    const res = await register(second);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.user.email' })]);
    expect(await orgCount()).toBe(orgsBefore);
    const left = await t.db.select().from(organizations).where(eq(organizations.creditCode, second.organization.creditCode));
    expect(left).toEqual([]);
    const [auditAfter] = await queryRows<{ s: number }>(t.db, sql`SELECT max(seq)::int AS s FROM audit_log`);
    expect(auditAfter!.s).toBe(auditBefore!.s);
    // The same organisation can then register with a fresh e-mail.
    const retry = await register({ ...second, user: { ...second.user, email: `retry.${unique()}@example.test` } });
    expect(retry.statusCode).toBe(201);
  });

  it('lets the pending admin log in and see the pending organisation, but not edit it until approved', async () => {
    const body = registration();
    const { organization } = (await register(body)).json();
    const founder = await loginAs(t.app, { email: body.user.email, password: body.user.password });
    // Organisation roles confer nothing while the organisation is pending.
    expect(founder.me.permissions).toEqual([]);
    expect(founder.me.memberships).toEqual([
      expect.objectContaining({ organizationId: organization.id, organizationStatus: 'pending', roles: ['org_admin'] }),
    ]);

    const mine = await founder.inject({ method: 'GET', url: '/api/organizations/mine' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([expect.objectContaining({ id: organization.id, status: 'pending', actions: [] })]);
    const one = await founder.inject({ method: 'GET', url: `/api/organizations/${organization.id}` });
    expect(one.statusCode).toBe(200);

    const patch = { description: '专注于新材料技术转移' };
    const refused = await founder.inject({ method: 'PATCH', url: `/api/organizations/${organization.id}`, payload: patch });
    expect(refused.statusCode).toBe(403);

    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const approve = await admin.inject({
      method: 'POST',
      url: `/api/organizations/${organization.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json().status).toBe('active');

    // The same session now carries the organisation admin's permissions.
    const allowed = await founder.inject({ method: 'PATCH', url: `/api/organizations/${organization.id}`, payload: patch });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ description: patch.description, actions: expect.arrayContaining(['update', 'manage_members']) });
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, organization.id));
    expect(row!.description).toBe(patch.description);
  });

  it('follows the review lifecycle: reject needs a reason, and an impossible transition is 409', async () => {
    const { organization } = (await register(registration())).json();
    const { session: admin } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const review = (payload: object) => admin.inject({ method: 'POST', url: `/api/organizations/${organization.id}/review`, payload });
    const noReason = await review({ decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    expect((await review({ decision: 'suspend', reason: 'x' })).statusCode).toBe(409);
    const rejected = await review({ decision: 'reject', reason: '材料不全' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: '材料不全' });
    expect((await review({ decision: 'approve' })).json().status).toBe('active');
  });
});
