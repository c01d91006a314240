import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuctionSnapshot } from '../../../common/api/trading.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { tradeAuctions, tradeBids } from './schema.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { presentBid, presentLiveState } from './present-auction.js';

/** Reading an auction's bids: the live snapshot and the history (bidders as 竞买人编号 only). */

/** The live state and the newest bids: the first SSE message, and GET …/live. */
export async function getAuctionSnapshot(opts: { db: DbOrTx; auctionId: string; historyLimit?: number }): Promise<AuctionSnapshot> {
  const [a] = await opts.db.select().from(tradeAuctions).where(eq(tradeAuctions.id, opts.auctionId)).limit(1);
  if (!a) throw AppError.notFound('Auction');
  const bids = await opts.db
    .select()
    .from(tradeBids)
    .where(eq(tradeBids.auctionId, a.id))
    .orderBy(desc(tradeBids.seq))
    .limit(opts.historyLimit ?? 50);
  return { ...presentLiveState(a, clock.now()), history: bids.map(presentBid) };
}

export async function listBids(opts: { db: Db; auctionId: string; limit: number; before?: number }) {
  const [a] = await opts.db
    .select({ id: tradeAuctions.id, bidCount: tradeAuctions.bidCount })
    .from(tradeAuctions)
    .where(eq(tradeAuctions.id, opts.auctionId))
    .limit(1);
  if (!a) throw AppError.notFound('Auction');
  const rows = await opts.db
    .select()
    .from(tradeBids)
    .where(and(eq(tradeBids.auctionId, a.id), opts.before ? lt(tradeBids.seq, opts.before) : undefined))
    .orderBy(desc(tradeBids.seq))
    .limit(opts.limit);
  return { items: rows.map(presentBid), total: a.bidCount };
}
