import { and, count, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AuctionCreateBody, AuctionStatus, AuctionView } from '../../../common/api/trading.js';
import type { Db, Tx } from '../../db/client.js';
import { tradeAuctionRegistrations, tradeAuctions, tradeBids } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { checkAuctionTerms, depositFor, mayCancel, type AuctionState } from './auction-rules.js';
import { endTrade, requireTradableAchievement, startTrade } from './catalog-bridge.js';
import { notifyExpression } from './events.js';
import { AUCTION_TRANSITIONS, DEPOSIT_TRANSITIONS, requireTransition, type StoredAuctionStatus } from './lifecycle.js';
import { buyerOrgIds, partiesFor } from './policy.js';
import { presentAuction, presentLiveState } from './present-auction.js';
import { countTrades, loadRegistrations, loadTrade, loadTrades, type AuctionRow, type Loaded, type PageOpts } from './records.js';

/** Auctions (拍卖): announce, read, list, cancel. Bids are in bids.ts, bidders in registrations.ts, closing in closing.ts. */

export function auctionState(a: AuctionRow): AuctionState {
  return {
    status: a.status as StoredAuctionStatus,
    startsAt: a.startsAt.getTime(),
    endsAt: a.endsAt.getTime(),
    startingPriceFen: a.startingPriceFen,
    incrementFen: a.incrementFen,
    reservePriceFen: a.reservePriceFen,
    currentPriceFen: a.currentPriceFen,
    leader: a.leaderRegistrationId,
    bidCount: a.bidCount,
  };
}

export interface NewAuction {
  achievement: { id: string; title: string; summary: string; fieldCode: string; organizationId: string; regionCode: string };
  terms: Omit<AuctionCreateBody, 'achievementId' | 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date };
  listingId?: string | null;
  createdBy: string | null;
}

/** Inserts an announced auction and audits it (the caller moves the achievement into trade when needed). */
export async function insertAuction(tx: Tx, actor: Actor, n: NewAuction): Promise<string> {
  const id = newId();
  const now = clock.now();
  const t = n.terms;
  const values = {
    id,
    achievementId: n.achievement.id,
    organizationId: n.achievement.organizationId,
    regionCode: n.achievement.regionCode,
    status: 'scheduled',
    title: n.achievement.title,
    achievementSummary: n.achievement.summary,
    fieldCode: n.achievement.fieldCode,
    transferMode: t.transferMode,
    description: t.description ?? null,
    pricingBasis: t.pricingBasis ?? null,
    approvals: t.approvals ?? [],
    listingId: n.listingId ?? null,
    startingPriceFen: t.startingPriceFen,
    incrementFen: t.incrementFen,
    reservePriceFen: t.reservePriceFen ?? null,
    depositPercent: t.depositPercent,
    depositFen: depositFor(t.startingPriceFen, t.depositPercent),
    announcedAt: now,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    originalEndsAt: t.endsAt,
    createdBy: n.createdBy,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(tradeAuctions).values(values);
  // The reserve is confidential even in the audit trail: only whether there is one.
  const { reservePriceFen: _reserve, ...audited } = values;
  await writeAudit(tx, actor, {
    action: 'auction.announce',
    entity: 'auction',
    entityId: id,
    organizationId: values.organizationId,
    after: { ...audited, hasReserve: values.reservePriceFen !== null, startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString() },
  });
  return id;
}

/** The owner announces an auction of a published achievement; bidding opens ≥ announceDays later. */
export async function createAuction(opts: { db: Db; actor: Actor; input: AuctionCreateBody }) {
  requirePermission(opts.actor, 'trade:initiate');
  const input = opts.input;
  const rec = await requireTradableAchievement({ db: opts.db, actor: opts.actor, achievementId: input.achievementId });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const errors = checkAuctionTerms(
    {
      startingPriceFen: input.startingPriceFen,
      incrementFen: input.incrementFen,
      reservePriceFen: input.reservePriceFen ?? null,
      depositPercent: input.depositPercent,
      startsAt: startsAt.getTime(),
      endsAt: endsAt.getTime(),
    },
    clock.now().getTime(),
  );
  if (!(rec.row.transferModes as string[]).includes(input.transferMode))
    errors.push({ field: 'body.transferMode', message: 'is not one of the achievement’s transfer modes' });
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fields: errors });
  const id = await opts.db.transaction(async (tx) => {
    await startTrade(tx, rec.row.id);
    return insertAuction(tx, opts.actor, {
      achievement: {
        id: rec.row.id,
        title: rec.row.title,
        summary: rec.row.summary,
        fieldCode: rec.row.fieldCode,
        organizationId: rec.row.organizationId,
        regionCode: rec.row.regionCode,
      },
      terms: { ...input, startsAt, endsAt },
      createdBy: opts.actor.userId,
    });
  });
  return getAuction({ db: opts.db, actor: opts.actor, id });
}

/** The registration of the actor's organisations on each auction (the live one first), whether it bid, and qualified counts. */
async function auctionExtras(db: Db, actor: Actor, auctions: Loaded<AuctionRow>[]) {
  const ids = auctions.map((a) => a.row.id);
  const extras = new Map<string, Parameters<typeof presentAuction>[3]>();
  if (ids.length === 0) return extras;
  const counts = await db
    .select({ auctionId: tradeAuctionRegistrations.auctionId, n: count() })
    .from(tradeAuctionRegistrations)
    .where(and(inArray(tradeAuctionRegistrations.auctionId, ids), eq(tradeAuctionRegistrations.status, 'qualified')))
    .groupBy(tradeAuctionRegistrations.auctionId);
  const orgs = buyerOrgIds(actor);
  const mine = orgs.length
    ? await loadRegistrations(
        db,
        and(inArray(tradeAuctionRegistrations.auctionId, ids), inArray(tradeAuctionRegistrations.bidderOrganizationId, orgs)),
      )
    : [];
  const bidders = mine.length
    ? await db
        .selectDistinct({ registrationId: tradeBids.registrationId })
        .from(tradeBids)
        .where(
          inArray(
            tradeBids.registrationId,
            mine.map((m) => m.row.id),
          ),
        )
    : [];
  const hasBid = new Set(bidders.map((b) => b.registrationId));
  for (const id of ids) {
    const own = mine
      .filter((m) => m.row.auctionId === id)
      .sort(
        (x, y) =>
          Number(['pending', 'qualified'].includes(y.row.status)) - Number(['pending', 'qualified'].includes(x.row.status)) ||
          y.row.createdAt.getTime() - x.row.createdAt.getTime(),
      );
    const reg = own[0];
    extras.set(id, {
      qualifiedBidders: Number(counts.find((c) => c.auctionId === id)?.n ?? 0),
      myRegistration: reg ? { loaded: reg, hasBid: hasBid.has(reg.row.id) } : null,
    });
  }
  return extras;
}

export async function presentAuctions(db: Db, actor: Actor, auctions: Loaded<AuctionRow>[]): Promise<AuctionView[]> {
  const extras = await auctionExtras(db, actor, auctions);
  const now = clock.now();
  return auctions.map((a) => presentAuction(a, actor, now, extras.get(a.row.id)!));
}

/** Auctions are public (a restricted achievement is never auctioned). */
export async function getAuction(opts: { db: Db; actor: Actor; id: string }): Promise<AuctionView> {
  const a = await loadTrade(opts.db, 'auction', opts.id);
  if (!a) throw AppError.notFound('Auction');
  return (await presentAuctions(opts.db, opts.actor, [a]))[0]!;
}

/** Conditions for the statuses callers see, read from the clock while stored `scheduled`. */
export function auctionStatusWhere(status: AuctionStatus | undefined, now: Date): SQL | undefined {
  const scheduled = eq(tradeAuctions.status, 'scheduled');
  switch (status) {
    case undefined:
      return undefined;
    case 'upcoming':
      return and(scheduled, gt(tradeAuctions.startsAt, now));
    case 'live':
      return and(scheduled, lte(tradeAuctions.startsAt, now), gt(tradeAuctions.endsAt, now));
    case 'ended':
      return and(scheduled, lte(tradeAuctions.endsAt, now));
    default:
      return eq(tradeAuctions.status, status);
  }
}

export async function listAuctions(opts: { db: Db; actor: Actor; status?: AuctionStatus; where?: SQL; limit: number; offset: number }) {
  const where = and(auctionStatusWhere(opts.status, clock.now()), opts.where);
  const order: PageOpts['order'] = opts.status === 'upcoming' ? 'starts_soonest' : opts.status === 'live' ? 'ends_soonest' : 'newest';
  const rows = await loadTrades(opts.db, 'auction', where, { limit: opts.limit, offset: opts.offset, order });
  return { items: await presentAuctions(opts.db, opts.actor, rows), total: await countTrades(opts.db, 'auction', where) };
}

/** The owner cancels before bidding opens: confirmed deposits are marked for refund, the achievement returns to the catalogue. */
export async function cancelAuction(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  requirePermission(opts.actor, 'trade:initiate');
  await opts.db.transaction(async (tx) => {
    const a = await loadTrade(tx, 'auction', opts.id, true);
    if (!a) throw AppError.notFound('Auction');
    const parties = partiesFor(opts.actor, { organizationId: a.row.organizationId, regionPath: a.regionPath });
    const to = requireTransition('auction', 'cancel', AUCTION_TRANSITIONS.cancel, a.row.status, parties);
    const now = clock.now();
    if (!mayCancel(auctionState(a.row), now.getTime()))
      throw AppError.conflict('Bidding has opened; the auction can no longer be cancelled');
    await tx
      .update(tradeAuctions)
      .set({ status: to, closeReason: 'cancelled', closedAt: now, updatedAt: now })
      .where(eq(tradeAuctions.id, a.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'auction.cancel',
      entity: 'auction',
      entityId: a.row.id,
      organizationId: a.row.organizationId,
      before: { status: a.row.status },
      after: { status: to, reason: opts.reason },
    });
    await refundAllDeposits(tx, opts.actor, a.row.id, null);
    await endTrade(tx, a.row.achievementId);
    const [after] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, a.row.id));
    await tx.execute(
      sql`SELECT ${notifyExpression({ auctionId: a.row.id, events: [{ event: 'closed', data: { auctionId: a.row.id, state: presentLiveState(after!, now) } }] })}`,
    );
  });
  return getAuction({ db: opts.db, actor: opts.actor, id: opts.id });
}

/** Marks every confirmed deposit of the auction for refund, except the winner's; each change audited. */
export async function refundAllDeposits(tx: Tx, actor: Actor, auctionId: string, winnerRegistrationId: string | null) {
  const regs = await tx
    .select()
    .from(tradeAuctionRegistrations)
    .where(and(eq(tradeAuctionRegistrations.auctionId, auctionId), eq(tradeAuctionRegistrations.depositStatus, 'confirmed')))
    .for('update');
  const now = clock.now();
  for (const r of regs) {
    if (r.id === winnerRegistrationId) continue;
    const to = DEPOSIT_TRANSITIONS.mark_refund.to;
    await tx.update(tradeAuctionRegistrations).set({ depositStatus: to, updatedAt: now }).where(eq(tradeAuctionRegistrations.id, r.id));
    await writeAudit(tx, actor, {
      action: 'registration.deposit_mark_refund',
      entity: 'auction_registration',
      entityId: r.id,
      organizationId: r.bidderOrganizationId,
      before: { depositStatus: r.depositStatus },
      after: { depositStatus: to, depositFen: r.depositFen },
    });
  }
}
