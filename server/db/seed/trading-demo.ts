import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import {
  achievements,
  tradeAgreementNotices,
  tradeAuctionRegistrations,
  tradeAuctions,
  tradeBids,
  tradeDeals,
  tradeListingIntents,
  tradeListings,
  tradeObjections,
  users,
} from '../schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { calendarDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { getRecord } from '../../modules/catalog/service.js';
import { insertAuction } from '../../modules/trading/auctions.js';
import { completeTransfer, startTrade } from '../../modules/trading/catalog-bridge.js';
import { insertDeal } from '../../modules/trading/deals.js';
import { registerQualifiedBidders } from '../../modules/trading/registrations.js';

/**
 * Demo trading on achievements of 津沽大学: two open listings with intents, an upcoming and a live
 * auction (the demo enterprise account, enterprise@jinqiao.demo, is a qualified bidder with its
 * deposit confirmed), an agreement notice under way with an objection, and a finished deal.
 *
 * `seedAuction` is also how scripts (benchmarks, the crash test) get an auction that is live now:
 * the ≥ 7-day announcement is a rule of createAuction, and this bypasses it on purpose.
 */
const DAY = 86400_000;
const HOUR = 3600_000;

export interface SeedAuctionOptions {
  achievementId: string;
  startsAt: Date;
  endsAt: Date;
  startingPriceFen: number;
  incrementFen: number;
  reservePriceFen?: number | null;
  depositPercent?: number;
  transferMode?: string;
  /** Bidder organisations: registered, qualified, deposits confirmed. */
  bidderOrganizationIds: string[];
}

/** An auction with qualified bidders whose deposits are confirmed, at whatever times are given; audited. */
export async function seedAuction(tx: Tx, actor: Actor, o: SeedAuctionOptions) {
  const rec = await getRecord({ db: tx as unknown as Db, actor, kind: 'achievement', id: o.achievementId });
  await startTrade(tx, rec.row.id);
  const auctionId = await insertAuction(tx, actor, {
    achievement: {
      id: rec.row.id,
      title: rec.row.title,
      summary: rec.row.summary,
      fieldCode: rec.row.fieldCode,
      organizationId: rec.row.organizationId,
      regionCode: rec.row.regionCode,
    },
    terms: {
      transferMode: (o.transferMode ?? rec.row.transferModes[0] ?? 'transfer') as never,
      startingPriceFen: o.startingPriceFen,
      incrementFen: o.incrementFen,
      reservePriceFen: o.reservePriceFen ?? null,
      depositPercent: o.depositPercent ?? 10,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      approvals: [],
    },
    createdBy: null,
  });
  const [auction] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, auctionId));
  await registerQualifiedBidders(
    tx,
    actor,
    auction!,
    o.bidderOrganizationIds.map((organizationId) => ({ organizationId, qualification: '具备受让和实施该技术的能力与资金。' })),
  );
  const regs = await tx.select().from(tradeAuctionRegistrations).where(eq(tradeAuctionRegistrations.auctionId, auctionId));
  for (const r of regs) {
    await tx
      .update(tradeAuctionRegistrations)
      .set({ depositStatus: 'confirmed', depositReference: `DEMO-${r.bidderNumber}`, depositConfirmedAt: clock.now() })
      .where(eq(tradeAuctionRegistrations.id, r.id));
    await writeAudit(tx, actor, {
      action: 'registration.deposit_confirm',
      entity: 'auction_registration',
      entityId: r.id,
      organizationId: r.bidderOrganizationId,
      before: { depositStatus: 'unpaid' },
      after: { depositStatus: 'confirmed', channel: 'seed' },
    });
  }
  return {
    auctionId,
    registrations: regs.map((r) => ({ id: r.id, organizationId: r.bidderOrganizationId, bidderNumber: r.bidderNumber })),
  };
}

async function seedBids(
  tx: Tx,
  actor: Actor,
  auctionId: string,
  bids: Array<{ registrationId: string; bidderNumber: string; organizationId: string; amountFen: number; at: Date }>,
) {
  const [a] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, auctionId));
  for (const [i, b] of bids.entries()) {
    await tx.insert(tradeBids).values({
      auctionId,
      seq: i + 1,
      registrationId: b.registrationId,
      bidderNumber: b.bidderNumber,
      amountFen: b.amountFen,
      placedAt: b.at,
      endsAtAfter: a!.endsAt,
      extended: false,
    });
    await writeAudit(tx, actor, {
      action: 'auction.bid',
      entity: 'auction',
      entityId: auctionId,
      organizationId: b.organizationId,
      after: { seq: i + 1, amountFen: b.amountFen, bidderNumber: b.bidderNumber },
    });
  }
  const last = bids.at(-1)!;
  await tx
    .update(tradeAuctions)
    .set({
      currentPriceFen: last.amountFen,
      leaderRegistrationId: last.registrationId,
      leaderNumber: last.bidderNumber,
      bidCount: bids.length,
      lastBidAt: last.at,
    })
    .where(eq(tradeAuctions.id, auctionId));
}

type Org = { id: string };

export async function seedTradingDemo(tx: Tx, actor: Actor, orgs: { univ: Org; ent: Org; ent2: Org; ent3: Org; inst: Org }) {
  const now = clock.now();
  const rows = await tx
    .select()
    .from(achievements)
    .where(and(eq(achievements.organizationId, orgs.univ.id), eq(achievements.status, 'published'), eq(achievements.restricted, false)))
    .orderBy(asc(achievements.createdAt))
    .limit(6);
  if (rows.length < 6) return { skipped: true };
  const [l1, l2, upcoming, live, posted, done] = rows as [
    (typeof rows)[0],
    (typeof rows)[0],
    (typeof rows)[0],
    (typeof rows)[0],
    (typeof rows)[0],
    (typeof rows)[0],
  ];
  const price = (r: typeof l1) => r.priceFen ?? 50_000_000;
  const snapshot = (r: typeof l1) => ({
    achievementId: r.id,
    organizationId: r.organizationId,
    regionCode: r.regionCode,
    title: r.title,
    achievementSummary: r.summary,
    fieldCode: r.fieldCode,
    transferMode: r.transferModes[0] ?? 'transfer',
  });

  // Two open listings, one intent waiting for staff, one already qualified.
  for (const [r, buyer, status] of [
    [l1, orgs.ent, 'pending'],
    [l2, orgs.ent2, 'qualified'],
  ] as const) {
    await startTrade(tx, r.id);
    const id = newId();
    const startsAt = new Date(now.getTime() - 2 * DAY);
    await tx.insert(tradeListings).values({
      ...snapshot(r),
      id,
      status: 'open',
      basePriceFen: price(r),
      listingDays: 20,
      startsAt,
      endsAt: calendarDayDeadline(startsAt, 20),
      pricingBasis: {
        method: 'appraisal',
        appraiser: '天津津评资产评估有限公司',
        appraisedValueFen: price(r),
        reportNumber: '津评报字〔2026〕第018号',
      },
      approvals: [{ body: '津沽大学科技成果转化领导小组', decision: '同意以挂牌方式转让', decidedOn: '2026-10-20' }],
      createdAt: startsAt,
      updatedAt: startsAt,
    });
    await writeAudit(tx, actor, {
      action: 'listing.create',
      entity: 'listing',
      entityId: id,
      organizationId: r.organizationId,
      after: { status: 'open', basePriceFen: price(r) },
    });
    const intentId = newId();
    await tx.insert(tradeListingIntents).values({
      id: intentId,
      listingId: id,
      buyerOrganizationId: buyer.id,
      status,
      offerFen: price(r),
      qualification: '本公司具备实施该技术的生产条件和资金实力。',
      reviewedAt: status === 'qualified' ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, actor, {
      action: 'intent.create',
      entity: 'listing_intent',
      entityId: intentId,
      organizationId: buyer.id,
      after: { status, offerFen: price(r) },
    });
  }

  // An auction announced for next week, and one live now with two bids.
  const up = new Date(now.getTime() + 8 * DAY);
  await seedAuction(tx, actor, {
    achievementId: upcoming.id,
    startsAt: up,
    endsAt: new Date(up.getTime() + 2 * HOUR),
    startingPriceFen: price(upcoming),
    incrementFen: 1_000_000,
    reservePriceFen: Math.round(price(upcoming) * 1.2),
    bidderOrganizationIds: [orgs.ent2.id],
  });
  const liveAuction = await seedAuction(tx, actor, {
    achievementId: live.id,
    startsAt: new Date(now.getTime() - HOUR),
    endsAt: new Date(now.getTime() + 3 * DAY),
    startingPriceFen: 20_000_000,
    incrementFen: 500_000,
    bidderOrganizationIds: [orgs.ent.id, orgs.ent2.id, orgs.ent3.id],
  });
  const reg = (orgId: string) => liveAuction.registrations.find((r) => r.organizationId === orgId)!;
  await seedBids(tx, actor, liveAuction.auctionId, [
    { ...reg(orgs.ent2.id), registrationId: reg(orgs.ent2.id).id, amountFen: 20_000_000, at: new Date(now.getTime() - 40 * 60_000) },
    { ...reg(orgs.ent3.id), registrationId: reg(orgs.ent3.id).id, amountFen: 21_000_000, at: new Date(now.getTime() - 20 * 60_000) },
  ]);

  // A notice under way (an objection waiting for the owner's answer) and a concluded, paid one.
  const [objector] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'expert@jinqiao.demo'));
  for (const [r, buyer, postedAt] of [
    [posted, orgs.ent, new Date(now.getTime() - 3 * DAY)],
    [done, orgs.ent3, new Date(now.getTime() - 25 * DAY)],
  ] as const) {
    await startTrade(tx, r.id);
    const id = newId();
    const endsAt = calendarDayDeadline(postedAt, 15);
    const finished = r === done;
    await tx.insert(tradeAgreementNotices).values({
      ...snapshot(r),
      id,
      status: finished ? 'concluded' : 'posted',
      buyerOrganizationId: buyer.id,
      priceFen: price(r),
      summary: `${r.title}：经协商，拟以协议定价方式${finished ? '转让' : '许可'}给受让方，现予公示。`,
      relatedParty: false,
      pricingBasis: { method: 'evaluation', appraiser: '津桥技术转移中心专家组', appraisedValueFen: price(r), reportDate: '2026-09-30' },
      approvals: [
        { body: '津沽大学校长办公会', decision: '同意协议定价并公示', decidedOn: '2026-10-08', reference: '校办纪要〔2026〕31号' },
      ],
      postedAt,
      endsAt,
      noticeDays: 15,
      endedAt: finished ? endsAt : null,
      createdAt: postedAt,
      updatedAt: postedAt,
    });
    await writeAudit(tx, actor, {
      action: 'notice.post',
      entity: 'agreement_notice',
      entityId: id,
      organizationId: r.organizationId,
      after: { status: 'posted', priceFen: price(r) },
    });
    if (!finished && objector) {
      const oid = newId();
      await tx.insert(tradeObjections).values({
        id: oid,
        noticeId: id,
        status: 'open',
        grounds: '公示价格明显低于同类成果的市场价格，请说明定价依据。',
        objectorUserId: objector.id,
        objectorOrganizationId: orgs.inst.id,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, actor, {
        action: 'objection.file',
        entity: 'objection',
        entityId: oid,
        organizationId: r.organizationId,
        after: { noticeId: id, status: 'open' },
      });
    }
    if (finished) {
      const { organizationId: sellerOrganizationId, ...facts } = snapshot(r);
      const dealId = await insertDeal(tx, actor, {
        route: 'agreement',
        ...facts,
        sellerOrganizationId,
        buyerOrganizationId: buyer.id,
        priceFen: price(r),
        noticeId: id,
      });
      const paidAt = new Date(endsAt.getTime() + 3 * DAY);
      await tx
        .update(tradeDeals)
        .set({ status: 'completed', paymentReference: 'DEMO-PAY-0001', paymentConfirmedAt: paidAt, createdAt: endsAt, updatedAt: paidAt })
        .where(eq(tradeDeals.id, dealId));
      await tx.update(tradeAgreementNotices).set({ dealId }).where(eq(tradeAgreementNotices.id, id));
      await writeAudit(tx, actor, {
        action: 'deal.confirm_payment',
        entity: 'deal',
        entityId: dealId,
        organizationId: r.organizationId,
        before: { status: 'pending_payment' },
        after: { status: 'completed', reference: 'DEMO-PAY-0001' },
      });
      await completeTransfer(tx, r.id);
    }
  }
  return { skipped: false, liveAuctionId: liveAuction.auctionId };
}
