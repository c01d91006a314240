import type { InquiryStatus, InquirySummary, InquiryView } from '../../../common/api/inquiries.js';
import type { DbOrTx } from '../../db/client.js';
import { userNames } from '../identity/members.js';
import { organizationsByIds } from '../organizations/lookups.js';
import type { Side } from './lifecycle.js';
import { inquiryActions, type InquiryRow, type MessageRow } from './service.js';

type Orgs = Awaited<ReturnType<typeof organizationsByIds>>;

function summary(row: InquiryRow, side: Side, orgs: Orgs): InquirySummary {
  const org = (id: string) => ({ id, name: orgs.get(id)?.name ?? '' });
  return {
    id: row.id,
    recordKind: row.recordKind as InquirySummary['recordKind'],
    recordId: row.recordId,
    recordTitle: row.recordTitle,
    ownerOrganization: org(row.ownerOrganizationId),
    requesterOrganization: org(row.requesterOrganizationId),
    status: row.status as InquiryStatus,
    wantedMode: row.wantedMode as InquirySummary['wantedMode'],
    budgetFen: row.budgetFen,
    mySide: side,
    lastMessageAt: row.lastMessageAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function presentInquiries(db: DbOrTx, items: { row: InquiryRow; side: Side }[]): Promise<InquirySummary[]> {
  const orgs = await organizationsByIds(
    db,
    items.flatMap((i) => [i.row.ownerOrganizationId, i.row.requesterOrganizationId]),
  );
  return items.map((i) => summary(i.row, i.side, orgs));
}

export async function presentInquiry(db: DbOrTx, loaded: { row: InquiryRow; side: Side; messages: MessageRow[] }): Promise<InquiryView> {
  const { row, side, messages } = loaded;
  const [orgs, names] = [
    await organizationsByIds(db, [row.ownerOrganizationId, row.requesterOrganizationId]),
    await userNames(
      db,
      messages.map((m) => m.authorUserId),
    ),
  ];
  return {
    ...summary(row, side, orgs),
    closeReason: row.closeReason,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side as Side,
      authorName: names.get(m.authorUserId) ?? '',
      body: m.body,
      attachments: m.attachments,
      createdAt: m.createdAt.toISOString(),
    })),
    actions: inquiryActions(row, side),
  };
}
