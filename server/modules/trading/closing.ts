import { and, asc, eq, inArray, lte, notExists, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  tradeAgreementNotices,
  tradeAuctionRegistrations,
  tradeAuctions,
  tradeListingIntents,
  tradeListings,
  tradeObjections,
} from './schema.js';
import { systemActor, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { decideClose } from './auction-rules.js';
import { auctionState, insertAuction, refundAllDeposits } from './auctions.js';
import { endTrade } from './catalog-bridge.js';
import { insertDeal } from './deals.js';
import { notifyExpression } from './events.js';
import { notifyAuctionClosed } from './notifications.js';
import { AUCTION_TRANSITIONS, INTENT_TRANSITIONS, LISTING_TRANSITIONS, NOTICE_TRANSITIONS, UNRESOLVED_OBJECTION } from './lifecycle.js';
import { TRADING_PARAMETERS } from './parameters.js';
import { presentLiveState } from './present-auction.js';
import { registerQualifiedBidders } from './registrations.js';

/**
 * What happens when time runs out, for each route. Each function locks its row, re-reads it and
 * does nothing unless it is still due — so the scheduler can run them on every instance, twice, or
 * after a restart, and a watcher's timer can race the scheduler, with one outcome.
 */
const TRADING = () => systemActor('trading');
const BATCH = 100;

/** Closes one auction if it is past its end: sold (winner, deal, losers' deposits for refund) or failed. */
export async function closeAuction(opts: { db: Db; auctionId: string; actor?: Actor }): Promise<'sold' | 'failed' | null> {
  const actor = opts.actor ?? TRADING();
  return opts.db.transaction(async (tx) => {
    const [a] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, opts.auctionId)).for('update');
    if (!a) return null;
    const now = clock.now();
    const outcome = decideClose(auctionState(a), now.getTime());
    if (!outcome) return null;
    let dealId: string | null = null;
    let winnerNumber: string | null = null;
    if (outcome.status === 'sold') {
      const [w] = await tx.select().from(tradeAuctionRegistrations).where(eq(tradeAuctionRegistrations.id, outcome.winner));
      winnerNumber = w!.bidderNumber;
      dealId = await insertDeal(tx, actor, {
        route: 'auction',
        achievementId: a.achievementId,
        sellerOrganizationId: a.organizationId,
        buyerOrganizationId: w!.bidderOrganizationId,
        regionCode: a.regionCode,
        title: a.title,
        achievementSummary: a.achievementSummary,
        fieldCode: a.fieldCode,
        priceFen: outcome.priceFen,
        depositAppliedFen: w!.depositStatus === 'confirmed' ? w!.depositFen : 0,
        transferMode: a.transferMode,
        listingId: a.listingId,
        auctionId: a.id,
      });
    }
    const to = outcome.status === 'sold' ? AUCTION_TRANSITIONS.close_sold.to : AUCTION_TRANSITIONS.close_failed.to;
    await tx
      .update(tradeAuctions)
      .set({
        status: to,
        winnerRegistrationId: outcome.winner,
        winnerNumber,
        finalPriceFen: outcome.priceFen,
        closeReason: outcome.reason,
        closedAt: now,
        dealId,
        updatedAt: now,
      })
      .where(eq(tradeAuctions.id, a.id));
    // The audit says whether the reserve was met, never what it was.
    await writeAudit(tx, actor, {
      action: `auction.close_${outcome.status}`,
      entity: 'auction',
      entityId: a.id,
      organizationId: a.organizationId,
      before: { status: a.status },
      after: { status: to, reason: outcome.reason, finalPriceFen: outcome.priceFen, winnerNumber, dealId, bidCount: a.bidCount },
    });
    await refundAllDeposits(tx, actor, a.id, outcome.winner);
    if (outcome.status === 'failed') await endTrade(tx, a.achievementId);
    await notifyAuctionClosed(tx, a, { winner: outcome.winner, priceFen: outcome.priceFen });
    const state = presentLiveState({ ...a, status: to, winnerNumber }, now);
    await tx.execute(sql`SELECT ${notifyExpression({ auctionId: a.id, events: [{ event: 'closed', data: { auctionId: a.id, state } }] })}`);
    return outcome.status;
  });
}

export async function closeDueAuctions(opts: { db: Db }): Promise<number> {
  const due = await opts.db
    .select({ id: tradeAuctions.id })
    .from(tradeAuctions)
    .where(and(eq(tradeAuctions.status, 'scheduled'), lte(tradeAuctions.endsAt, clock.now())))
    .orderBy(asc(tradeAuctions.endsAt))
    .limit(BATCH);
  let closed = 0;
  for (const a of due) if (await closeAuction({ db: opts.db, auctionId: a.id })) closed++;
  return closed;
}

/**
 * Ends a listing at the end of its period: one qualified buyer → a deal at its offer (≥ the base
 * price); several → an auction among them, announced like any other; none → it lapses and the
 * achievement returns to the catalogue (the owner may renew). Unqualified intents expire.
 */
export async function endListing(opts: { db: Db; listingId: string }): Promise<'sold' | 'converted' | 'lapsed' | null> {
  const actor = TRADING();
  return opts.db.transaction(async (tx) => {
    const [l] = await tx.select().from(tradeListings).where(eq(tradeListings.id, opts.listingId)).for('update');
    const now = clock.now();
    if (!l || l.status !== 'open' || now < l.endsAt) return null;
    const intents = await tx
      .select()
      .from(tradeListingIntents)
      .where(eq(tradeListingIntents.listingId, l.id))
      .orderBy(asc(tradeListingIntents.createdAt))
      .for('update');
    for (const i of intents.filter((x) => x.status === 'pending')) {
      await tx
        .update(tradeListingIntents)
        .set({ status: INTENT_TRANSITIONS.expire.to, updatedAt: now })
        .where(eq(tradeListingIntents.id, i.id));
      await writeAudit(tx, actor, {
        action: 'intent.expire',
        entity: 'listing_intent',
        entityId: i.id,
        organizationId: i.buyerOrganizationId,
        before: { status: i.status },
        after: { status: 'expired' },
      });
    }
    const qualified = intents.filter((x) => x.status === 'qualified');
    const set: Partial<typeof tradeListings.$inferInsert> = { endedAt: now, updatedAt: now };
    let result: 'sold' | 'converted' | 'lapsed';
    if (qualified.length === 1) {
      const buyer = qualified[0]!;
      set.status = LISTING_TRANSITIONS.sell.to;
      set.dealId = await insertDeal(tx, actor, {
        route: 'listing',
        achievementId: l.achievementId,
        sellerOrganizationId: l.organizationId,
        buyerOrganizationId: buyer.buyerOrganizationId,
        regionCode: l.regionCode,
        title: l.title,
        achievementSummary: l.achievementSummary,
        fieldCode: l.fieldCode,
        priceFen: Math.max(buyer.offerFen, l.basePriceFen),
        transferMode: l.transferMode,
        listingId: l.id,
      });
      result = 'sold';
    } else if (qualified.length > 1) {
      const c = TRADING_PARAMETERS.conversion;
      const startsAt = new Date(now.getTime() + TRADING_PARAMETERS.auctionAnnounceMs);
      const auctionId = await insertAuction(tx, actor, {
        achievement: {
          id: l.achievementId,
          title: l.title,
          summary: l.achievementSummary,
          fieldCode: l.fieldCode,
          organizationId: l.organizationId,
          regionCode: l.regionCode,
        },
        terms: {
          transferMode: l.transferMode as never,
          startingPriceFen: l.basePriceFen,
          incrementFen: Math.max(100, Math.round((l.basePriceFen * c.incrementPercent) / 100 / 100) * 100),
          reservePriceFen: null,
          depositPercent: c.depositPercent,
          startsAt,
          endsAt: new Date(startsAt.getTime() + c.biddingMs),
          description: l.description ?? undefined,
          pricingBasis: l.pricingBasis,
          approvals: l.approvals,
        },
        listingId: l.id,
        createdBy: null,
      });
      const [auction] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, auctionId));
      // The qualified buyers are the auction's bidders, already qualified; their deposits are still to be paid.
      await registerQualifiedBidders(
        tx,
        actor,
        auction!,
        qualified.map((q) => ({ organizationId: q.buyerOrganizationId, qualification: q.qualification })),
      );
      set.status = LISTING_TRANSITIONS.convert.to;
      set.auctionId = auctionId;
      result = 'converted';
    } else {
      set.status = LISTING_TRANSITIONS.lapse.to;
      await endTrade(tx, l.achievementId);
      result = 'lapsed';
    }
    await tx.update(tradeListings).set(set).where(eq(tradeListings.id, l.id));
    await writeAudit(tx, actor, {
      action: `listing.${result === 'sold' ? 'sell' : result === 'converted' ? 'convert' : 'lapse'}`,
      entity: 'listing',
      entityId: l.id,
      organizationId: l.organizationId,
      before: { status: l.status },
      after: { status: set.status, dealId: set.dealId ?? null, auctionId: set.auctionId ?? null, qualifiedBuyers: qualified.length },
    });
    return result;
  });
}

export async function endDueListings(opts: { db: Db }): Promise<number> {
  const due = await opts.db
    .select({ id: tradeListings.id })
    .from(tradeListings)
    .where(and(eq(tradeListings.status, 'open'), lte(tradeListings.endsAt, clock.now())))
    .orderBy(asc(tradeListings.endsAt))
    .limit(BATCH);
  let ended = 0;
  for (const l of due) if (await endListing({ db: opts.db, listingId: l.id })) ended++;
  return ended;
}

/** Concludes a notice whose period is over with no objection open: the deal stands. Otherwise nothing. */
export async function concludeNotice(opts: { db: Db; noticeId: string }): Promise<string | null> {
  return opts.db.transaction(async (tx) => concludeNoticeIn(tx, TRADING(), opts.noticeId));
}

export async function concludeNoticeIn(tx: Tx, actor: Actor, noticeId: string): Promise<string | null> {
  const [n] = await tx.select().from(tradeAgreementNotices).where(eq(tradeAgreementNotices.id, noticeId)).for('update');
  const now = clock.now();
  if (!n || n.status !== 'posted' || now < n.endsAt) return null;
  const open = await tx
    .select({ id: tradeObjections.id })
    .from(tradeObjections)
    .where(and(eq(tradeObjections.noticeId, n.id), inArray(tradeObjections.status, [...UNRESOLVED_OBJECTION])));
  if (open.length > 0) return null;
  const dealId = await insertDeal(tx, actor, {
    route: 'agreement',
    achievementId: n.achievementId,
    sellerOrganizationId: n.organizationId,
    buyerOrganizationId: n.buyerOrganizationId,
    regionCode: n.regionCode,
    title: n.title,
    achievementSummary: n.achievementSummary,
    fieldCode: n.fieldCode,
    priceFen: n.priceFen,
    transferMode: n.transferMode,
    noticeId: n.id,
  });
  const to = NOTICE_TRANSITIONS.conclude.to;
  await tx
    .update(tradeAgreementNotices)
    .set({ status: to, dealId, endedAt: now, updatedAt: now })
    .where(eq(tradeAgreementNotices.id, n.id));
  await writeAudit(tx, actor, {
    action: 'notice.conclude',
    entity: 'agreement_notice',
    entityId: n.id,
    organizationId: n.organizationId,
    before: { status: n.status },
    after: { status: to, dealId },
  });
  return dealId;
}

export async function concludeDueNotices(opts: { db: Db }): Promise<number> {
  const due = await opts.db
    .select({ id: tradeAgreementNotices.id })
    .from(tradeAgreementNotices)
    .where(
      and(
        eq(tradeAgreementNotices.status, 'posted'),
        lte(tradeAgreementNotices.endsAt, clock.now()),
        // Notices held by an open objection wait for its resolution, which concludes them itself.
        notExists(
          opts.db
            .select({ one: sql`1` })
            .from(tradeObjections)
            .where(and(eq(tradeObjections.noticeId, tradeAgreementNotices.id), inArray(tradeObjections.status, [...UNRESOLVED_OBJECTION]))),
        ),
      ),
    )
    .orderBy(asc(tradeAgreementNotices.endsAt))
    .limit(BATCH);
  let concluded = 0;
  for (const n of due) if (await concludeNotice({ db: opts.db, noticeId: n.id })) concluded++;
  return concluded;
}
