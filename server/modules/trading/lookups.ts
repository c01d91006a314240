import { and, asc, count, eq, gte, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { tradeDeals } from './schema.js';

/** Reads other modules need over deals (they never read trading's tables themselves). */

/**
 * Deals an organisation concluded as the seller in [from, to), not cancelled (the annual
 * transformation report's blocks 3 and 4).
 */
export async function dealsSoldBetween(db: DbOrTx, organizationId: string, from: Date, to: Date) {
  return db
    .select({
      id: tradeDeals.id,
      title: tradeDeals.title,
      route: tradeDeals.route,
      status: tradeDeals.status,
      transferMode: tradeDeals.transferMode,
      priceFen: tradeDeals.priceFen,
      buyerOrganizationId: tradeDeals.buyerOrganizationId,
      createdAt: tradeDeals.createdAt,
    })
    .from(tradeDeals)
    .where(
      and(
        eq(tradeDeals.sellerOrganizationId, organizationId),
        ne(tradeDeals.status, 'cancelled'),
        gte(tradeDeals.createdAt, from),
        lt(tradeDeals.createdAt, to),
      ),
    )
    .orderBy(asc(tradeDeals.createdAt), asc(tradeDeals.id));
}

/** Deals concluded on the platform in [from, to), not cancelled (the portal's figures). */
export async function countDealsBetween(db: DbOrTx, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tradeDeals)
    .where(and(ne(tradeDeals.status, 'cancelled'), gte(tradeDeals.createdAt, from), lt(tradeDeals.createdAt, to)));
  return row?.n ?? 0;
}
