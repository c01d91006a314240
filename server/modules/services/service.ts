import { and, avg, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateRequestBody,
  MyRequestsQuery,
  OfferingBody,
  UpdateOfferingBody,
  OfferingsQuery,
  ServiceRequestStatus,
  ServiceTransition,
  TransitionBody,
} from '../../../common/api/services.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findPublishedRecord } from '../catalog/lookups.js';
import { findOrganization } from '../organizations/repository.js';
import { SERVICE_TRANSITION_TABLE, serviceTransitionAllowed, type ServiceSide } from './lifecycle.js';
import { serviceOfferings, serviceRequests } from './schema.js';

/**
 * The service catalogue and service requests. Offerings belong to organisations of type
 * service_provider; a request is private to its two organisations; every step is one transition of
 * lifecycle.ts, audited, and the other side is notified.
 */
export type OfferingRow = typeof serviceOfferings.$inferSelect;
export type ServiceRequestRow = typeof serviceRequests.$inferSelect;

const ACTING_ROLES = ['org_member', 'org_admin', 'broker'] as const;
const myOrganizations = (actor: Actor) => organizationIdsOf(actor, [...ACTING_ROLES]);
const link = (id: string) => `/workspace/services/requests/${id}`;

export function sideOf(
  actor: Actor,
  row: Pick<ServiceRequestRow, 'providerOrganizationId' | 'requesterOrganizationId'>,
): ServiceSide | null {
  if (actor.kind !== 'user') return null;
  const mine = myOrganizations(actor);
  if (mine.includes(row.providerOrganizationId) && actor.permissions.has('service:provide')) return 'provider';
  if (mine.includes(row.requesterOrganizationId)) return 'requester';
  return null;
}

export async function createOffering(opts: { db: Db; actor: Actor; input: z.infer<typeof OfferingBody> }): Promise<string> {
  const { actor, input } = opts;
  requirePermission(actor, 'service:provide');
  const mine = myOrganizations(actor);
  const orgId = input.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!orgId) throw AppError.validation('body.organizationId', 'name the providing organisation');
  if (!mine.includes(orgId) && !isPlatformAdmin(actor)) throw AppError.forbidden('You can only offer services for your own organisation');
  const org = await findOrganization(opts.db, orgId);
  if (!org || org.status !== 'active') throw AppError.validation('body.organizationId', 'is not an active organisation');
  if (org.type !== 'service_provider') throw AppError.validation('body.organizationId', 'only service providers (服务机构) offer services');
  const now = clock.now();
  const row = {
    id: newId(),
    providerOrganizationId: orgId,
    category: input.category,
    title: input.title,
    description: input.description,
    pricing: input.pricing,
    priceFen: input.pricing === 'fixed' ? input.priceFen! : null,
    quoteWorkingDays: input.quoteWorkingDays,
    deliveryWorkingDays: input.deliveryWorkingDays,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(serviceOfferings).values(row);
    await writeAudit(tx, actor, {
      action: 'service.offer',
      entity: 'service_offering',
      entityId: row.id,
      organizationId: orgId,
      after: row,
    });
  });
  return row.id;
}

/** The provider edits an active offering (the fields given); requests already made keep the title and price they were made on. */
export async function updateOffering(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof UpdateOfferingBody> }): Promise<void> {
  const { actor, input } = opts;
  requirePermission(actor, 'service:provide');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(serviceOfferings).where(eq(serviceOfferings.id, opts.id)).for('update');
    if (!row) throw AppError.notFound('Offering');
    if (!myOrganizations(actor).includes(row.providerOrganizationId) && !isPlatformAdmin(actor))
      throw AppError.forbidden('Only the providing organisation edits its offering');
    if (!row.active) throw AppError.conflict('The offering is withdrawn');
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<OfferingRow>;
    const next = { ...row, ...changes };
    if (next.pricing === 'quote') changes.priceFen = next.priceFen = null;
    else if (next.priceFen === null) throw AppError.validation('body.priceFen', 'a fixed price needs priceFen');
    if (Object.keys(changes).length === 0) return;
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof OfferingRow]]));
    await tx
      .update(serviceOfferings)
      .set({ ...changes, updatedAt: clock.now() })
      .where(eq(serviceOfferings.id, row.id));
    await writeAudit(tx, actor, {
      action: 'service.update_offering',
      entity: 'service_offering',
      entityId: row.id,
      organizationId: row.providerOrganizationId,
      before,
      after: changes,
    });
  });
}

export async function listOfferings(opts: { db: DbOrTx; query: z.infer<typeof OfferingsQuery> }) {
  const { category, providerId, limit } = opts.query;
  return opts.db
    .select()
    .from(serviceOfferings)
    .where(
      and(
        eq(serviceOfferings.active, true),
        category ? eq(serviceOfferings.category, category) : undefined,
        providerId ? eq(serviceOfferings.providerOrganizationId, providerId) : undefined,
      ),
    )
    .orderBy(serviceOfferings.category, serviceOfferings.title)
    .limit(limit);
}

export async function findOffering(db: DbOrTx, id: string): Promise<OfferingRow | undefined> {
  const [row] = await db.select().from(serviceOfferings).where(eq(serviceOfferings.id, id));
  return row;
}

/** Mean rating and count per provider, over rated requests only. */
export async function providerRatings(db: DbOrTx, providerIds: string[]): Promise<Map<string, { mean: number; n: number }>> {
  if (providerIds.length === 0) return new Map();
  const rows = await db
    .select({ id: serviceRequests.providerOrganizationId, mean: avg(serviceRequests.rating), n: count() })
    .from(serviceRequests)
    .where(and(inArray(serviceRequests.providerOrganizationId, [...new Set(providerIds)]), eq(serviceRequests.status, 'rated')))
    .groupBy(serviceRequests.providerOrganizationId);
  return new Map(rows.map((r) => [r.id, { mean: Math.round(Number(r.mean) * 10) / 10, n: Number(r.n) }]));
}

export async function createRequest(opts: { db: Db; actor: Actor; input: z.infer<typeof CreateRequestBody> }): Promise<string> {
  const { actor, input } = opts;
  requirePermission(actor, 'service:request');
  requireUser(actor);
  const mine = myOrganizations(actor);
  const orgId = input.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!orgId)
    throw AppError.validation('body.organizationId', mine.length ? 'name the organisation you speak for' : 'you belong to no organisation');
  if (!mine.includes(orgId)) throw AppError.forbidden('You can only request services for your own organisation');
  const offering = await findOffering(opts.db, input.offeringId);
  if (!offering || !offering.active) throw AppError.validation('body.offeringId', 'is not an offered service');
  if (offering.providerOrganizationId === orgId) throw AppError.validation('body.offeringId', 'is your own organisation’s service');
  if (input.achievementId && !(await findPublishedRecord(opts.db, actor, 'achievement', input.achievementId)))
    throw AppError.validation('body.achievementId', 'is not a published achievement');
  const now = clock.now();
  // A fixed price is the quote: the request starts quoted, waiting for the requester's acceptance.
  const fixed = offering.pricing === 'fixed';
  const row = {
    id: newId(),
    offeringId: offering.id,
    offeringTitle: offering.title,
    category: offering.category,
    providerOrganizationId: offering.providerOrganizationId,
    requesterOrganizationId: orgId,
    requesterUserId: actor.userId,
    status: (fixed ? 'quoted' : 'requested') as ServiceRequestStatus,
    description: input.description,
    achievementId: input.achievementId ?? null,
    quoteFen: fixed ? offering.priceFen : null,
    quoteNote: fixed ? '目录定价' : null,
    dueAt: fixed ? null : workingDayDeadline(now, offering.quoteWorkingDays),
    quotedAt: fixed ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(serviceRequests).values(row);
    await writeAudit(tx, actor, {
      action: 'service.request',
      entity: 'service_request',
      entityId: row.id,
      organizationId: row.providerOrganizationId,
      after: row,
    });
    await notify(tx, {
      organizationId: row.providerOrganizationId,
      kind: 'service_request',
      title: `新的服务委托：「${offering.title}」`,
      body: input.description.slice(0, 200),
      link: link(row.id),
      needsAction: !fixed,
    });
  });
  return row.id;
}

export async function getRequest(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(serviceRequests).where(eq(serviceRequests.id, opts.id));
  const side = row ? sideOf(opts.actor, row) : null;
  if (!row || !side) throw AppError.notFound('Service request');
  return { row, side };
}

export async function listMyRequests(opts: { db: DbOrTx; actor: Actor; query: z.infer<typeof MyRequestsQuery> }) {
  requireUser(opts.actor);
  const mine = myOrganizations(opts.actor);
  if (mine.length === 0) return [];
  const asProvider = inArray(serviceRequests.providerOrganizationId, mine);
  const asRequester = inArray(serviceRequests.requesterOrganizationId, mine);
  const side = opts.query.side;
  const rows = await opts.db
    .select()
    .from(serviceRequests)
    .where(side === 'provider' ? asProvider : side === 'requester' ? asRequester : or(asProvider, asRequester))
    .orderBy(desc(serviceRequests.updatedAt), desc(serviceRequests.id))
    .limit(200);
  return rows.flatMap((row) => {
    const s = sideOf(opts.actor, row);
    return s ? [{ row, side: s }] : [];
  });
}

const LABEL: Record<ServiceTransition, string> = {
  quote: '已报价',
  decline: '已婉拒',
  accept: '已接受报价',
  cancel: '已取消',
  deliver: '已交付',
  rate: '已评价',
};

export async function transitionRequest(opts: { db: Db; actor: Actor; id: string; input: TransitionBody }) {
  requireUser(opts.actor);
  const { actor, input } = opts;
  const t = SERVICE_TRANSITION_TABLE[input.action];
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(serviceRequests).where(eq(serviceRequests.id, opts.id)).for('update');
    const side = row ? sideOf(actor, row) : null;
    if (!row || !side) throw AppError.notFound('Service request');
    const status = row.status as ServiceRequestStatus;
    if (t.by !== side) throw AppError.forbidden(`The ${side} may not ${input.action} this request`);
    if (!serviceTransitionAllowed(input.action, status, side))
      throw AppError.conflict(`Cannot ${input.action} a request that is ${status}`);
    const now = clock.now();
    const patch: Partial<ServiceRequestRow> = { status: t.to, updatedAt: now };
    if (input.action === 'quote') {
      if (input.quoteFen === undefined) throw AppError.validation('body.quoteFen', 'is required to quote');
      Object.assign(patch, { quoteFen: input.quoteFen, quoteNote: input.note ?? null, quotedAt: now, dueAt: null });
    } else if (input.action === 'accept') {
      const offering = await findOffering(tx, row.offeringId);
      Object.assign(patch, { acceptedAt: now, dueAt: workingDayDeadline(now, offering!.deliveryWorkingDays) });
    } else if (input.action === 'deliver') {
      if (!input.note) throw AppError.validation('body.note', 'describe what was delivered');
      let values: Record<string, string> | null = null;
      if (row.category === 'evaluation') {
        // An evaluation report states each of the five values (国办发〔2021〕26号).
        for (const k of ['scientific', 'technical', 'economic', 'social', 'cultural'] as const)
          if (!input.evaluationValues?.[k])
            throw AppError.validation(`body.evaluationValues.${k}`, 'an evaluation states each of the five values');
        values = input.evaluationValues as Record<string, string>;
      }
      Object.assign(patch, {
        deliveredAt: now,
        deliveryNote: input.note,
        evaluationValues: values,
        deliveredLate: row.dueAt ? now > row.dueAt : false,
        dueAt: null,
      });
    } else if (input.action === 'rate') {
      if (input.rating === undefined) throw AppError.validation('body.rating', 'is required to rate');
      Object.assign(patch, { rating: input.rating, ratingComment: input.comment ?? null, ratedAt: now });
    } else {
      Object.assign(patch, { closeReason: input.note ?? null, dueAt: null });
    }
    await tx.update(serviceRequests).set(patch).where(eq(serviceRequests.id, row.id));
    const { updatedAt: _u, ...after } = patch;
    await writeAudit(tx, actor, {
      action: `service.${input.action}`,
      entity: 'service_request',
      entityId: row.id,
      organizationId: row.providerOrganizationId,
      before: { status },
      after: { ...after, dueAt: patch.dueAt?.toISOString() ?? null },
    });
    await notify(tx, {
      organizationId: side === 'provider' ? row.requesterOrganizationId : row.providerOrganizationId,
      exceptUserIds: [actor.userId],
      kind: `service_${input.action}`,
      title: `服务委托「${row.offeringTitle}」${LABEL[input.action]}`,
      body: input.note ?? input.comment ?? null,
      link: link(row.id),
      needsAction: ['quote', 'accept', 'deliver'].includes(input.action),
    });
  });
}

export function requestActions(row: ServiceRequestRow, side: ServiceSide): ServiceTransition[] {
  return (Object.keys(SERVICE_TRANSITION_TABLE) as ServiceTransition[]).filter((n) =>
    serviceTransitionAllowed(n, row.status as ServiceRequestStatus, side),
  );
}
