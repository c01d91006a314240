import { and, asc, count, eq, gte, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { tradeDeals, type tradeListings } from './schema.js';
import { inRegionSubtree, loadDeals, loadTrades, TRADE_TABLES, type AuctionRow, type ListingRow, type NoticeRow } from './records.js';

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

/** A deal's two parties (the contracts module's export-control check on the contract of a deal). */
export async function dealParties(
  db: DbOrTx,
  id: string,
): Promise<{ dealId: string; sellerOrganizationId: string; buyerOrganizationId: string } | null> {
  const [row] = await db
    .select({
      dealId: tradeDeals.id,
      sellerOrganizationId: tradeDeals.sellerOrganizationId,
      buyerOrganizationId: tradeDeals.buyerOrganizationId,
    })
    .from(tradeDeals)
    .where(eq(tradeDeals.id, id));
  return row ?? null;
}

/** One public trade record as other markets read it (the feeds module's auctions and notices feeds). */
export interface PublicTradeRecord {
  /** listing 挂牌 | auction 拍卖 | notice 协议定价公示 | deal 成交 */
  kind: 'listing' | 'auction' | 'notice' | 'deal';
  id: string;
  achievementId: string;
  title: string;
  summary: string;
  description: string | null;
  status: string;
  transferMode: string;
  fieldCode: string;
  fieldName: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  seller: { name: string; type: string };
  /** Listing price, auction starting price (and current price), agreed price or deal price, in fen. */
  priceFen: number;
  currentPriceFen: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Public trade records of the given kinds (all are public: 挂牌 / 拍卖 / 公示 / 成交 information),
 * most recently changed first, filtered by `since` (changed at or after), technical field and region
 * subtree. Each kind is read up to offset + limit + 1 rows and merged, so a page is exact.
 */
export async function publicTradePage(
  db: DbOrTx,
  kinds: PublicTradeRecord['kind'][],
  q: { since?: Date; fieldCode?: string; regionCode?: string; limit: number; offset: number },
): Promise<{ records: PublicTradeRecord[]; more: boolean }> {
  const take = q.offset + q.limit + 1;
  const out: PublicTradeRecord[] = [];
  for (const kind of kinds) {
    if (kind === 'deal') {
      const rows = await loadDeals(
        db,
        and(
          q.since ? gte(tradeDeals.updatedAt, q.since) : undefined,
          q.fieldCode ? eq(tradeDeals.fieldCode, q.fieldCode) : undefined,
          q.regionCode ? inRegionSubtree(q.regionCode) : undefined,
        ),
        { limit: take, order: 'changed' },
      );
      for (const d of rows)
        out.push({
          kind,
          id: d.row.id,
          achievementId: d.row.achievementId,
          title: d.row.title,
          summary: d.row.achievementSummary,
          description: null,
          status: d.row.status,
          transferMode: d.row.transferMode,
          fieldCode: d.row.fieldCode,
          fieldName: d.fieldName,
          regionCode: d.row.regionCode,
          regionName: d.regionName,
          regionPath: d.regionPath,
          seller: { name: d.seller.name, type: d.seller.type },
          priceFen: d.row.priceFen,
          currentPriceFen: null,
          startsAt: null,
          endsAt: null,
          createdAt: d.row.createdAt,
          updatedAt: d.row.updatedAt,
        });
      continue;
    }
    const t = TRADE_TABLES[kind] as unknown as typeof tradeListings;
    const rows = await loadTrades(
      db,
      kind,
      and(
        q.since ? gte(t.updatedAt, q.since) : undefined,
        q.fieldCode ? eq(t.fieldCode, q.fieldCode) : undefined,
        q.regionCode ? inRegionSubtree(q.regionCode) : undefined,
      ),
      { limit: take, order: 'changed' },
    );
    for (const r of rows) {
      const row = r.row as ListingRow | AuctionRow | NoticeRow;
      const price =
        kind === 'listing'
          ? (row as ListingRow).basePriceFen
          : kind === 'auction'
            ? (row as AuctionRow).startingPriceFen
            : (row as NoticeRow).priceFen;
      out.push({
        kind,
        id: row.id,
        achievementId: row.achievementId,
        title: row.title,
        summary: kind === 'notice' ? (row as NoticeRow).summary : row.achievementSummary,
        description: row.description,
        status: row.status,
        transferMode: row.transferMode,
        fieldCode: row.fieldCode,
        fieldName: r.fieldName,
        regionCode: row.regionCode,
        regionName: r.regionName,
        regionPath: r.regionPath,
        seller: { name: r.seller.name, type: r.seller.type },
        priceFen: price,
        currentPriceFen: kind === 'auction' ? (row as AuctionRow).currentPriceFen : null,
        startsAt: kind === 'notice' ? (row as NoticeRow).postedAt : (row as ListingRow | AuctionRow).startsAt,
        endsAt: row.endsAt,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      });
    }
  }
  out.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1));
  return { records: out.slice(q.offset, q.offset + q.limit), more: out.length > q.offset + q.limit };
}

/** Deals concluded on the platform in [from, to), not cancelled (the portal's figures). */
export async function countDealsBetween(db: DbOrTx, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tradeDeals)
    .where(and(ne(tradeDeals.status, 'cancelled'), gte(tradeDeals.createdAt, from), lt(tradeDeals.createdAt, to)));
  return row?.n ?? 0;
}
