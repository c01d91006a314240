import type { OfferingView, ServiceRequestView } from '../../../common/api/services.js';
import type { DbOrTx } from '../../db/client.js';
import { deadlineIsEstimated } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { isOverdue, type ServiceSide } from './lifecycle.js';
import { providerRatings, requestActions, type OfferingRow, type ServiceRequestRow } from './service.js';

export async function presentOfferings(db: DbOrTx, rows: OfferingRow[]): Promise<OfferingView[]> {
  const ids = rows.map((r) => r.providerOrganizationId);
  const [orgs, ratings] = [await organizationsByIds(db, ids), await providerRatings(db, ids)];
  return rows.map((r) => ({
    id: r.id,
    provider: { id: r.providerOrganizationId, name: orgs.get(r.providerOrganizationId)?.name ?? '' },
    category: r.category as OfferingView['category'],
    title: r.title,
    description: r.description,
    pricing: r.pricing as OfferingView['pricing'],
    priceFen: r.priceFen,
    quoteWorkingDays: r.quoteWorkingDays,
    deliveryWorkingDays: r.deliveryWorkingDays,
    providerRating: ratings.get(r.providerOrganizationId)?.mean ?? null,
    providerRatings: ratings.get(r.providerOrganizationId)?.n ?? 0,
  }));
}

export async function presentRequests(db: DbOrTx, items: { row: ServiceRequestRow; side: ServiceSide }[]): Promise<ServiceRequestView[]> {
  const orgs = await organizationsByIds(
    db,
    items.flatMap((i) => [i.row.providerOrganizationId, i.row.requesterOrganizationId]),
  );
  const org = (id: string) => ({ id, name: orgs.get(id)?.name ?? '' });
  const now = clock.now();
  return items.map(({ row, side }) => ({
    id: row.id,
    offeringId: row.offeringId,
    offeringTitle: row.offeringTitle,
    category: row.category as ServiceRequestView['category'],
    provider: org(row.providerOrganizationId),
    requester: org(row.requesterOrganizationId),
    status: row.status as ServiceRequestView['status'],
    description: row.description,
    achievementId: row.achievementId,
    quoteFen: row.quoteFen,
    quoteNote: row.quoteNote,
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: isOverdue(row.status as ServiceRequestView['status'], row.dueAt, now),
    dueEstimated: deadlineIsEstimated(row.dueAt),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    deliveredLate: row.deliveredLate,
    deliveryNote: row.deliveryNote,
    evaluationValues: row.evaluationValues,
    rating: row.rating,
    ratingComment: row.ratingComment,
    closeReason: row.closeReason,
    mySide: side,
    actions: requestActions(row, side),
    createdAt: row.createdAt.toISOString(),
  }));
}
