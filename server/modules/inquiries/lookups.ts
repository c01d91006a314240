import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import type { Side } from './lifecycle.js';
import { inquiries } from './schema.js';
import { sideOf } from './service.js';

/**
 * A negotiation as another module may know it (files attached to it, trading prefilled from it):
 * its parties, record and terms — only for a member of one of the two organisations, else null.
 */
export async function findInquiryForParty(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, id));
  const side: Side | null = row ? sideOf(actor, row) : null;
  if (!row || !side) return null;
  return {
    id: row.id,
    side,
    /** The organisation the actor speaks for in it. */
    myOrganizationId: side === 'owner' ? row.ownerOrganizationId : row.requesterOrganizationId,
    status: row.status,
    recordKind: row.recordKind as 'achievement' | 'demand',
    recordId: row.recordId,
    recordTitle: row.recordTitle,
    ownerOrganizationId: row.ownerOrganizationId,
    requesterOrganizationId: row.requesterOrganizationId,
    wantedMode: row.wantedMode,
    budgetFen: row.budgetFen,
  };
}
