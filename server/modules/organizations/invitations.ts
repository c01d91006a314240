import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AddMemberBody, InvitationView, MyInvitationView } from '../../../common/api/organizations.js';
import type { Db } from '../../db/client.js';
import { requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { userNames } from '../identity/members.js';
import { assignRole } from '../identity/roles.js';
import { createUser, findUserByEmail } from '../identity/service.js';
import { organizationInvitations, organizations } from './schema.js';

/**
 * Invitations: how an organisation admin adds someone by e-mail. Adding never attaches an account
 * silently and never tells the admin anything about the person — the answer is the same invitation
 * whether the e-mail had an account or not (an unknown e-mail gets an account with the initial
 * password the admin typed). The person is told (in-app, and by e-mail when SMTP is configured,
 * through alerts/notify.ts) and gets the role only by accepting.
 */
type Invitation = typeof organizationInvitations.$inferSelect;

export function presentInvitation(row: Invitation): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role as InvitationView['role'],
    status: row.status as InvitationView['status'],
    createdAt: row.createdAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
  };
}

/** Invites an e-mail to the organisation (the caller, an admin of it, was checked by `requireMemberManager`). */
export async function inviteMember(opts: { db: Db; actor: Actor; organizationId: string; input: z.infer<typeof AddMemberBody> }) {
  requireUser(opts.actor);
  const email = opts.input.email.trim().toLowerCase();
  return opts.db.transaction(async (tx) => {
    let user = await findUserByEmail(tx, email);
    if (!user) {
      const created = await createUser(tx, { email, name: opts.input.name, password: opts.input.password });
      await writeAudit(tx, opts.actor, {
        action: 'user.create',
        entity: 'user',
        entityId: created.id,
        organizationId: opts.organizationId,
        after: { email: created.email, name: opts.input.name },
      });
      user = (await findUserByEmail(tx, created.email))!;
    }
    // One open invitation per person and organisation: inviting again updates its role.
    const [open] = await tx
      .select()
      .from(organizationInvitations)
      .where(
        and(
          eq(organizationInvitations.organizationId, opts.organizationId),
          eq(organizationInvitations.userId, user.id),
          eq(organizationInvitations.status, 'pending'),
        ),
      )
      .for('update');
    let row: Invitation;
    if (open) {
      [row] = (await tx
        .update(organizationInvitations)
        .set({ role: opts.input.role, invitedBy: opts.actor.userId })
        .where(eq(organizationInvitations.id, open.id))
        .returning()) as [Invitation];
    } else {
      [row] = (await tx
        .insert(organizationInvitations)
        .values({
          id: newId(),
          organizationId: opts.organizationId,
          email,
          userId: user.id,
          role: opts.input.role,
          status: 'pending',
          invitedBy: opts.actor.userId,
          createdAt: clock.now(),
        })
        .returning()) as [Invitation];
    }
    await writeAudit(tx, opts.actor, {
      action: 'organization.invite',
      entity: 'organization_invitation',
      entityId: row.id,
      organizationId: opts.organizationId,
      after: { email, role: row.role, status: row.status },
    });
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, opts.organizationId));
    await notify(tx, {
      userIds: [user.id],
      kind: 'organization_invitation',
      title: `「${org?.name ?? ''}」邀请您加入`,
      body: `角色：${row.role === 'org_admin' ? '单位管理员' : '单位成员'}。接受后您将成为该单位的成员；也可以拒绝。`,
      link: '/workspace/invitations',
      needsAction: true,
    });
    return row;
  });
}

export async function listInvitations(opts: { db: Db; organizationId: string }) {
  return opts.db
    .select()
    .from(organizationInvitations)
    .where(eq(organizationInvitations.organizationId, opts.organizationId))
    .orderBy(desc(organizationInvitations.createdAt))
    .limit(200);
}

/** The caller's open invitations. */
export async function listMyInvitations(opts: { db: Db; actor: Actor }): Promise<MyInvitationView[]> {
  requireUser(opts.actor);
  const rows = await opts.db
    .select({ inv: organizationInvitations, organizationName: organizations.name })
    .from(organizationInvitations)
    .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
    .where(and(eq(organizationInvitations.userId, opts.actor.userId), eq(organizationInvitations.status, 'pending')))
    .orderBy(desc(organizationInvitations.createdAt));
  const names = await userNames(
    opts.db,
    rows.flatMap((r) => (r.inv.invitedBy ? [r.inv.invitedBy] : [])),
  );
  return rows.map((r) => ({
    id: r.inv.id,
    organizationId: r.inv.organizationId,
    organizationName: r.organizationName,
    role: r.inv.role as MyInvitationView['role'],
    invitedByName: r.inv.invitedBy ? (names.get(r.inv.invitedBy) ?? null) : null,
    createdAt: r.inv.createdAt.toISOString(),
  }));
}

/** The invited person accepts (gets the role) or declines; anyone else's invitation is not found. */
export async function respondToInvitation(opts: { db: Db; actor: Actor; id: string; decision: 'accept' | 'decline' }) {
  requireUser(opts.actor);
  return opts.db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(organizationInvitations)
      .where(and(eq(organizationInvitations.id, opts.id), eq(organizationInvitations.userId, opts.actor.userId!)))
      .for('update');
    if (!inv) throw AppError.notFound('Invitation');
    if (inv.status !== 'pending') throw AppError.conflict(`This invitation is already ${inv.status}`);
    const status = opts.decision === 'accept' ? 'accepted' : 'declined';
    await tx.update(organizationInvitations).set({ status, respondedAt: clock.now() }).where(eq(organizationInvitations.id, inv.id));
    if (opts.decision === 'accept') {
      await assignRole(tx, opts.actor, {
        userId: inv.userId,
        role: inv.role as 'org_member' | 'org_admin',
        organizationId: inv.organizationId,
      });
    }
    await writeAudit(tx, opts.actor, {
      action: `organization.invitation_${status}`,
      entity: 'organization_invitation',
      entityId: inv.id,
      organizationId: inv.organizationId,
      before: { status: 'pending' },
      after: { status },
    });
    if (inv.invitedBy) {
      await notify(tx, {
        userIds: [inv.invitedBy],
        kind: `invitation_${status}`,
        title: opts.decision === 'accept' ? `${inv.email} 已接受邀请` : `${inv.email} 谢绝了邀请`,
        link: '/account/organization',
      });
    }
    return { ...inv, status };
  });
}
