import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateInquiryBody, InquiryStatus, InquiryTransition, MessageBody, MyInquiriesQuery } from '../../../common/api/inquiries.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findPublishedRecord } from '../catalog/lookups.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { CONVERSING, INQUIRY_TRANSITION_TABLE, inquiryTransitionAllowed, type Side } from './lifecycle.js';
import { inquiries, inquiryMessages } from './schema.js';

/**
 * Negotiations between the owner of a published record and another organisation. Only members of
 * the two organisations see a negotiation (anyone else gets 404); every change is audited and the
 * other side is notified.
 */
export type InquiryRow = typeof inquiries.$inferSelect;
export type MessageRow = typeof inquiryMessages.$inferSelect;

const SPEAKING_ROLES = ['org_member', 'org_admin', 'broker'] as const;
const myOrganizations = (actor: Actor) => organizationIdsOf(actor, [...SPEAKING_ROLES]);

/** The side the actor is on, or null: not a party (the thread is then invisible). */
export function sideOf(actor: Actor, row: Pick<InquiryRow, 'ownerOrganizationId' | 'requesterOrganizationId'>): Side | null {
  if (actor.kind !== 'user') return null;
  const mine = myOrganizations(actor);
  if (mine.includes(row.ownerOrganizationId)) return 'owner';
  if (mine.includes(row.requesterOrganizationId)) return 'requester';
  return null;
}

const otherOrganization = (row: InquiryRow, side: Side) => (side === 'owner' ? row.requesterOrganizationId : row.ownerOrganizationId);
const link = (id: string) => `/workspace/inquiries/${id}`;

async function lockVisible(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(inquiries).where(eq(inquiries.id, id)).for('update');
  const side = row ? sideOf(actor, row) : null;
  if (!row || !side) throw AppError.notFound('Inquiry');
  return { row, side };
}

export async function createInquiry(opts: { db: Db; actor: Actor; input: CreateInquiryBody }) {
  requirePermission(opts.actor, 'trade:participate');
  const { input, actor } = opts;
  const mine = myOrganizations(actor);
  const record = await findPublishedRecord(opts.db, actor, input.recordKind, input.recordId);
  if (!record) throw AppError.notFound(input.recordKind === 'achievement' ? 'Achievement' : 'Demand');
  if (mine.includes(record.organizationId)) {
    throw new AppError('conflict', 'This record belongs to your own organisation', {
      fields: [{ field: 'body.recordId', message: 'is your own organisation’s record' }],
    });
  }
  const requesterId = input.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!requesterId)
    throw AppError.validation('body.organizationId', mine.length ? 'name the organisation you speak for' : 'you belong to no organisation');
  if (!mine.includes(requesterId)) throw AppError.forbidden('You can only speak for your own organisation');
  const org = (await organizationsByIds(opts.db, [requesterId])).get(requesterId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');

  const now = clock.now();
  const row = {
    id: newId(),
    recordKind: input.recordKind,
    recordId: input.recordId,
    recordTitle: record.title,
    ownerOrganizationId: record.organizationId,
    requesterOrganizationId: requesterId,
    requesterUserId: actor.userId!,
    status: 'open' as InquiryStatus,
    wantedMode: input.wantedMode ?? null,
    budgetFen: input.budgetFen ?? null,
    closeReason: null,
    lastMessageAt: now,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: inquiries.id })
      .from(inquiries)
      .where(
        and(
          eq(inquiries.recordKind, input.recordKind),
          eq(inquiries.recordId, input.recordId),
          eq(inquiries.requesterOrganizationId, requesterId),
          inArray(inquiries.status, [...CONVERSING]),
        ),
      )
      .limit(1);
    if (live) {
      throw new AppError('conflict', `Your organisation already negotiates on this record (inquiry ${live.id})`, {
        fields: [{ field: 'body.recordId', message: 'already has an open negotiation from your organisation' }],
      });
    }
    await tx.insert(inquiries).values(row);
    await tx.insert(inquiryMessages).values({
      id: newId(),
      inquiryId: row.id,
      authorUserId: actor.userId!,
      side: 'requester',
      body: input.message,
      attachments: input.attachments,
      createdAt: now,
    });
    await writeAudit(tx, actor, {
      action: 'inquiry.open',
      entity: 'inquiry',
      entityId: row.id,
      organizationId: record.organizationId,
      after: { ...row, message: input.message, attachments: input.attachments },
    });
    await notify(tx, {
      organizationId: record.organizationId,
      kind: 'inquiry_new',
      title: `${org.name} 希望洽谈「${record.title}」`,
      body: input.message.slice(0, 200),
      link: link(row.id),
      needsAction: true,
    });
  });
  return row.id;
}

export async function getInquiry(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(inquiries).where(eq(inquiries.id, opts.id));
  const side = row ? sideOf(opts.actor, row) : null;
  if (!row || !side) throw AppError.notFound('Inquiry');
  const messages = await opts.db
    .select()
    .from(inquiryMessages)
    .where(eq(inquiryMessages.inquiryId, row.id))
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id));
  return { row, side, messages };
}

/** Negotiations my organisations are in, on either side, most recently active first. */
export async function listMyInquiries(opts: { db: Db; actor: Actor; query: z.infer<typeof MyInquiriesQuery> }) {
  requireUser(opts.actor);
  const mine = myOrganizations(opts.actor);
  if (mine.length === 0) return [];
  const { role, status, limit } = opts.query;
  const asOwner = inArray(inquiries.ownerOrganizationId, mine);
  const asRequester = inArray(inquiries.requesterOrganizationId, mine);
  const rows = await opts.db
    .select()
    .from(inquiries)
    .where(
      and(
        role === 'owner' ? asOwner : role === 'requester' ? asRequester : or(asOwner, asRequester),
        status ? eq(inquiries.status, status) : undefined,
      ),
    )
    .orderBy(desc(inquiries.lastMessageAt), desc(inquiries.id))
    .limit(limit);
  return rows.map((row) => ({ row, side: sideOf(opts.actor, row)! }));
}

export async function postMessage(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof MessageBody> }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const { row, side } = await lockVisible(tx, opts.actor, opts.id);
    const status = row.status as InquiryStatus;
    if (!CONVERSING.includes(status)) throw AppError.conflict(`The negotiation is ${status}; no more messages`);
    const now = clock.now();
    const message = {
      id: newId(),
      inquiryId: row.id,
      authorUserId: opts.actor.userId!,
      side,
      body: opts.input.body,
      attachments: opts.input.attachments,
      createdAt: now,
    };
    await tx.insert(inquiryMessages).values(message);
    // The owner's first answer starts the negotiation.
    const next: InquiryStatus = side === 'owner' && status === 'open' ? 'negotiating' : status;
    await tx.update(inquiries).set({ status: next, lastMessageAt: now, updatedAt: now }).where(eq(inquiries.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'inquiry.message',
      entity: 'inquiry',
      entityId: row.id,
      organizationId: row.ownerOrganizationId,
      after: { messageId: message.id, side, body: message.body, attachments: message.attachments },
    });
    if (next !== status) {
      await writeAudit(tx, opts.actor, {
        action: 'inquiry.negotiate',
        entity: 'inquiry',
        entityId: row.id,
        organizationId: row.ownerOrganizationId,
        before: { status },
        after: { status: next },
      });
    }
    await notify(tx, {
      organizationId: otherOrganization(row, side),
      exceptUserIds: [opts.actor.userId],
      kind: 'inquiry_message',
      title: `洽谈「${row.recordTitle}」有新消息`,
      body: message.body.slice(0, 200),
      link: link(row.id),
      needsAction: true,
    });
  });
}

export async function transitionInquiry(opts: { db: Db; actor: Actor; id: string; action: InquiryTransition; reason?: string }) {
  requireUser(opts.actor);
  const t = INQUIRY_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const { row, side } = await lockVisible(tx, opts.actor, opts.id);
    const status = row.status as InquiryStatus;
    if (!t.by.includes(side)) throw AppError.forbidden(`The ${side} may not ${opts.action} this negotiation`);
    if (!inquiryTransitionAllowed(opts.action, status, side))
      throw AppError.conflict(`Cannot ${opts.action} a negotiation that is ${status}`);
    const now = clock.now();
    const closeReason = opts.action === 'close' ? opts.reason?.trim() || null : row.closeReason;
    await tx.update(inquiries).set({ status: t.to, closeReason, updatedAt: now }).where(eq(inquiries.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `inquiry.${opts.action}`,
      entity: 'inquiry',
      entityId: row.id,
      organizationId: row.ownerOrganizationId,
      before: { status },
      after: { status: t.to, reason: opts.reason ?? null },
    });
    const labels: Record<InquiryTransition, string> = {
      negotiate: '进入洽谈',
      agree: '已达成意向',
      move_to_trading: '已转入交易',
      close: '已关闭',
    };
    await notify(tx, {
      organizationId: otherOrganization(row, side),
      exceptUserIds: [opts.actor.userId],
      kind: `inquiry_${opts.action}`,
      title: `洽谈「${row.recordTitle}」${labels[opts.action]}`,
      body: opts.reason ?? null,
      link: link(row.id),
    });
  });
}

/** What the caller may do on the thread now (the UI shows exactly these). */
export function inquiryActions(row: InquiryRow, side: Side): Array<'message' | InquiryTransition> {
  const status = row.status as InquiryStatus;
  const actions: Array<'message' | InquiryTransition> = CONVERSING.includes(status) ? ['message'] : [];
  for (const name of Object.keys(INQUIRY_TRANSITION_TABLE) as InquiryTransition[])
    if (inquiryTransitionAllowed(name, status, side)) actions.push(name);
  return actions;
}
