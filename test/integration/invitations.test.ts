import { describe, expect, it } from 'vitest';
import { memoryMailer } from '../../server/lib/mailer.js';
import { deliverNotifications, emailChannel } from '../../server/modules/alerts/notify.js';
import { createLoggedInUser, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const PASSWORD = 'Initial-passw0rd';

async function adminAndInvitee() {
  const { user: adminUser, session: admin } = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
  const invitee = await createUser(t.db, { name: '王秘密' });
  return { adminUser, admin, invitee };
}

const invite = (admin: Awaited<ReturnType<typeof adminAndInvitee>>['admin'], organizationId: string, email: string, name = '某人') =>
  admin.inject({
    method: 'POST',
    url: `/api/organizations/${organizationId}/members`,
    payload: { email, name, role: 'org_member', password: PASSWORD },
  });

describe('adding an existing account is an invitation the person accepts', () => {
  it('does not attach the account before acceptance, and the person is told in-app and by e-mail', async () => {
    const { adminUser, admin, invitee } = await adminAndInvitee();
    const res = await invite(admin, adminUser.organizationId!, invitee.email);
    expect(res.statusCode).toBe(202);
    expect(res.json().invitation).toMatchObject({ email: invitee.email, role: 'org_member', status: 'pending' });

    const members = (await admin.inject({ method: 'GET', url: `/api/organizations/${adminUser.organizationId}/members` })).json().items;
    expect(members.map((m: { userId: string }) => m.userId)).not.toContain(invitee.id);

    const person = await loginAs(t.app, invitee);
    expect(person.me.memberships).toEqual([]);
    const notes = (await person.inject({ method: 'GET', url: '/api/me/notifications' })).json().items;
    expect(notes).toEqual([expect.objectContaining({ kind: 'organization_invitation', link: '/workspace/invitations' })]);

    const mailer = memoryMailer();
    await deliverNotifications({ db: t.db, channels: [emailChannel(mailer, 'http://jinqiao.test')] });
    expect(mailer.sent.filter((m) => m.to === invitee.email)).toHaveLength(1);

    const [mine] = (await person.inject({ method: 'GET', url: '/api/me/invitations' })).json().items;
    expect(mine).toMatchObject({ organizationId: adminUser.organizationId, role: 'org_member' });
    expect((await person.inject({ method: 'POST', url: `/api/me/invitations/${mine.id}/accept` })).statusCode).toBe(204);
    const after = (await admin.inject({ method: 'GET', url: `/api/organizations/${adminUser.organizationId}/members` })).json().items;
    expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ userId: invitee.id, roles: ['org_member'] })]));
    // Answered once: a second answer conflicts.
    expect((await person.inject({ method: 'POST', url: `/api/me/invitations/${mine.id}/decline` })).statusCode).toBe(409);
  });

  it('answers the same whether the e-mail has an account or not, and reveals no name', async () => {
    const { adminUser, admin, invitee } = await adminAndInvitee();
    const known = await invite(admin, adminUser.organizationId!, invitee.email, '随便写');
    const unknown = await invite(admin, adminUser.organizationId!, `nobody.${Date.now()}@example.test`, '随便写');
    expect(known.statusCode).toBe(unknown.statusCode);
    const shape = (body: { invitation: Record<string, unknown> }) => Object.keys(body.invitation).sort();
    expect(shape(known.json())).toEqual(shape(unknown.json()));
    expect(known.json().invitation.status).toBe(unknown.json().invitation.status);
    expect(known.body).not.toContain('王秘密');
    expect(known.body).not.toContain(invitee.id);
    const list = await admin.inject({ method: 'GET', url: `/api/organizations/${adminUser.organizationId}/invitations` });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('王秘密');
    expect(list.json().items).toHaveLength(2);
  });

  it('a declined invitation grants nothing; another person cannot answer it', async () => {
    const { adminUser, admin, invitee } = await adminAndInvitee();
    const id = (await invite(admin, adminUser.organizationId!, invitee.email)).json().invitation.id;
    const { session: stranger } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await stranger.inject({ method: 'POST', url: `/api/me/invitations/${id}/accept` })).statusCode).toBe(404);
    const person = await loginAs(t.app, invitee);
    expect((await person.inject({ method: 'POST', url: `/api/me/invitations/${id}/decline` })).statusCode).toBe(204);
    const me = (await person.inject({ method: 'GET', url: '/api/me' })).json();
    expect(me.memberships).toEqual([]);
    const [row] = (await admin.inject({ method: 'GET', url: `/api/organizations/${adminUser.organizationId}/invitations` })).json().items;
    expect(row.status).toBe('declined');
  });
});
