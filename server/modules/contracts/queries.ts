/** Lists: the applicant's contracts and the registrar's queue, as summary rows in one query each. */
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { MyContractsQuery, QueueQuery } from '../../../common/api/contracts.js';
import type { Db } from '../../db/client.js';
import { contractParties, contracts } from './schema.js';
import { organizationsJoinable } from '../organizations/repository.js';
import { isPlatformAdmin, organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { APPLICANT_ROLES } from './policy.js';
import type { SummaryRow } from './presenter.js';

const applicant = organizationsJoinable('applicant');
const point = organizationsJoinable('point');
const seller = alias(contractParties, 'seller');
const buyer = alias(contractParties, 'buyer');

async function summaries(
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
): Promise<{ rows: SummaryRow[]; total: number }> {
  const rows = await db
    .select({
      id: contracts.id,
      status: contracts.status,
      version: contracts.version,
      type: contracts.type,
      subtype: contracts.subtype,
      title: contracts.title,
      organizationId: contracts.organizationId,
      registrationOrganizationId: contracts.registrationOrganizationId,
      applicantName: applicant.name,
      sellerName: seller.name,
      buyerName: buyer.name,
      contractAmountFen: contracts.contractAmountFen,
      technologyTransactionAmountFen: contracts.technologyTransactionAmountFen,
      registrationPointName: point.name,
      submittedAt: contracts.submittedAt,
      deadlineAt: contracts.deadlineAt,
      expertReviewRequired: contracts.expertReviewRequired,
      hasExpertReview: sql<boolean>`(${contracts.expertReview} IS NOT NULL)`,
      registrationNumber: contracts.registrationNumber,
      certifiedAt: contracts.certifiedAt,
      updatedAt: contracts.updatedAt,
    })
    .from(contracts)
    .innerJoin(applicant, eq(applicant.id, contracts.organizationId))
    .innerJoin(point, eq(point.id, contracts.registrationOrganizationId))
    .innerJoin(seller, and(eq(seller.contractId, contracts.id), eq(seller.role, 'seller')))
    .innerJoin(buyer, and(eq(buyer.contractId, contracts.id), eq(buyer.role, 'buyer')))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [{ total }] = (await db
    .select({ total: count() })
    .from(contracts)
    .innerJoin(applicant, eq(applicant.id, contracts.organizationId))
    .where(where)) as [{ total: number }];
  return { rows: rows.map((r) => ({ ...r, regionPaths: [] })), total: Number(total) };
}

/** A list's filter and order; null when the caller can see nothing in it. */
export interface ListFilter {
  where: SQL | undefined;
  order: SQL[];
}

/** The actor's organisations' contracts (one status, or any), newest change first. */
export function ownFilter(actor: Actor, query: { status?: z.infer<typeof MyContractsQuery>['status'] }): ListFilter | null {
  requirePermission(actor, 'contract:apply');
  const orgIds = organizationIdsOf(actor, [...APPLICANT_ROLES]);
  if (orgIds.length === 0) return null;
  return {
    where: and(inArray(contracts.organizationId, orgIds), query.status ? eq(contracts.status, query.status) : undefined),
    order: [desc(contracts.updatedAt), asc(contracts.id)],
  };
}

export async function listOwnContracts(opts: { db: Db; actor: Actor; query: z.infer<typeof MyContractsQuery> }) {
  const filter = ownFilter(opts.actor, opts.query);
  if (!filter) return { rows: [] as SummaryRow[], total: 0 };
  return summaries(opts.db, filter.where, filter.order, opts.query.limit, opts.query.offset);
}

/** Registration points whose contracts the actor reviews: their registrar organisations; null = every point (platform admins). */
export function reviewedPoints(actor: Actor): string[] | null {
  return isPlatformAdmin(actor) ? null : organizationIdsOf(actor, ['registrar']);
}

/**
 * The registrar's queue: contracts at the caller's registration points in one status (submitted by
 * default), soonest deadline first; `overdue` keeps only (or drops) those past their deadline.
 */
export function queueFilter(actor: Actor, q: Omit<z.infer<typeof QueueQuery>, 'limit' | 'offset'>): ListFilter | null {
  requirePermission(actor, 'contract:register');
  const points = reviewedPoints(actor);
  if (points && points.length === 0) return null;
  const now = clock.now();
  const conditions: Array<SQL | undefined> = [
    eq(contracts.status, q.status),
    points ? inArray(contracts.registrationOrganizationId, points) : undefined,
  ];
  if (q.overdue !== undefined)
    conditions.push(
      q.overdue ? lte(contracts.deadlineAt, now) : or(sql`${contracts.deadlineAt} IS NULL`, sql`${contracts.deadlineAt} > ${now}`),
    );
  if (q.year !== undefined) {
    conditions.push(
      gte(contracts.certifiedAt, startOfLocalDate(`${q.year}-01-01`)),
      lt(contracts.certifiedAt, startOfLocalDate(`${q.year + 1}-01-01`)),
    );
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(ilike(contracts.title, like), ilike(applicant.name, like), ilike(sql`coalesce(${contracts.registrationNumber}, '')`, like)),
    );
  }
  const order =
    q.status === 'submitted'
      ? [asc(contracts.deadlineAt), asc(contracts.submittedAt), asc(contracts.id)]
      : [desc(contracts.updatedAt), asc(contracts.id)];
  return { where: and(...conditions), order };
}

export async function listQueue(opts: { db: Db; actor: Actor; query: z.infer<typeof QueueQuery> }) {
  const filter = queueFilter(opts.actor, opts.query);
  if (!filter) return { rows: [] as SummaryRow[], total: 0 };
  return summaries(opts.db, filter.where, filter.order, opts.query.limit, opts.query.offset);
}

/** The ids a list's filter selects, in its order, at most `limit` (the exports: one statement, no paging). */
export async function listContractIds(db: Db, filter: ListFilter, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(applicant, eq(applicant.id, contracts.organizationId))
    .where(filter.where)
    .orderBy(...filter.order)
    .limit(limit);
  return rows.map((r) => r.id);
}
