import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RegistrationView } from '../../../common/api/trading.js';
import { queryRows, type Db, type DbOrTx, type Tx } from '../../db/client.js';
import { tradeAuctionRegistrations, tradeAuctions, tradeBids } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { requireBidderExportStep } from '../export-control/gate.js';
import { newId } from '../../lib/ids.js';
import { phaseOf } from './auction-rules.js';
import { BIDDER_TERMS } from './bidder-terms.js';
import { DEPOSIT_TRANSITIONS, REGISTRATION_TRANSITIONS, requireTransition, type StoredAuctionStatus } from './lifecycle.js';
import type { PaymentChannel } from './payment.js';
import { notifyDepositConfirmed, notifyRegistrationDecided } from './notifications.js';
import { buyerOrgIds, partiesFor } from './policy.js';
import { presentRegistration } from './present-auction.js';
import { loadOrg, loadRegistration, loadRegistrations, type AuctionRow, type LoadedRegistration } from './records.js';

/** Bidders (竞买人): registration with a 竞买人编号, qualification and deposit, withdrawal. */

/** The organisation the actor buys for: the one named, or their only one; active, and not the seller. */
export async function actingBuyerOrganization(db: DbOrTx, actor: Actor, organizationId: string | undefined, sellerId: string) {
  const mine = buyerOrgIds(actor);
  const id = organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!id)
    throw AppError.validation(
      'body.organizationId',
      mine.length ? 'name the organisation you act for' : 'you belong to no organisation that may buy',
    );
  if (!mine.includes(id)) throw AppError.forbidden('You can only act for your own organisation');
  if (id === sellerId) throw AppError.forbidden('The seller cannot buy its own achievement');
  const org = await loadOrg(db, id);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  return org;
}

const isOpen = (a: AuctionRow, now: Date) =>
  ['upcoming', 'live'].includes(
    phaseOf({ status: a.status as StoredAuctionStatus, startsAt: a.startsAt.getTime(), endsAt: a.endsAt.getTime() }, now.getTime()),
  );

async function hasBid(db: DbOrTx, registrationId: string): Promise<boolean> {
  const rows = await queryRows(db, sql`SELECT 1 FROM trade_bids WHERE registration_id = ${registrationId} LIMIT 1`);
  return rows.length > 0;
}

export async function presentRegistrationById(db: Db, actor: Actor, id: string): Promise<RegistrationView> {
  const r = await loadRegistration(db, id);
  if (!r) throw AppError.notFound('Registration');
  return presentRegistration(r, actor, clock.now(), { hasBid: await hasBid(db, id) });
}

export async function presentRegistrationList(db: Db, actor: Actor, regs: LoadedRegistration[]): Promise<RegistrationView[]> {
  const ids = regs.map((r) => r.row.id);
  const bid = ids.length
    ? await db.selectDistinct({ id: tradeBids.registrationId }).from(tradeBids).where(inArray(tradeBids.registrationId, ids))
    : [];
  const withBids = new Set(bid.map((b) => b.id));
  const now = clock.now();
  return regs.map((r) => presentRegistration(r, actor, now, { hasBid: withBids.has(r.row.id) }));
}

/** A bidder registers (until bidding closes) and gets a random 竞买人编号, unique in the auction. */
export async function registerBidder(opts: {
  db: Db;
  actor: Actor;
  auctionId: string;
  qualification: string;
  organizationId?: string;
  acceptedTermsVersion: string;
}) {
  requirePermission(opts.actor, 'trade:participate');
  if (opts.acceptedTermsVersion !== BIDDER_TERMS.version)
    throw AppError.validation('body.acceptedTermsVersion', `accept the current bidder terms (竞买须知 ${BIDDER_TERMS.version})`);
  const [a] = await opts.db.select().from(tradeAuctions).where(eq(tradeAuctions.id, opts.auctionId)).limit(1);
  if (!a) throw AppError.notFound('Auction');
  const org = await actingBuyerOrganization(opts.db, opts.actor, opts.organizationId, a.organizationId);
  if (!isOpen(a, clock.now())) throw AppError.conflict('Registration is closed: the auction has ended');
  const id = newId();
  await opts.db.transaction(async (tx) => {
    for (let attempt = 0; ; attempt++) {
      const live = await tx
        .select({ id: tradeAuctionRegistrations.id })
        .from(tradeAuctionRegistrations)
        .where(
          and(
            eq(tradeAuctionRegistrations.auctionId, a.id),
            eq(tradeAuctionRegistrations.bidderOrganizationId, org.id),
            inArray(tradeAuctionRegistrations.status, ['pending', 'qualified']),
          ),
        );
      if (live.length) throw AppError.conflict('Your organisation is already registered for this auction');
      // Four digits while they last, six after: numbers say nothing about who or when.
      const bidderNumber = String(attempt < 20 ? randomInt(1000, 10000) : randomInt(100000, 1000000));
      const now = clock.now();
      const inserted = await tx
        .insert(tradeAuctionRegistrations)
        .values({
          id,
          auctionId: a.id,
          bidderOrganizationId: org.id,
          bidderNumber,
          status: 'pending',
          depositStatus: 'unpaid',
          depositFen: a.depositFen,
          qualification: opts.qualification,
          termsVersion: BIDDER_TERMS.version,
          termsAcceptedAt: now,
          createdBy: opts.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: tradeAuctionRegistrations.id });
      if (inserted.length === 0) continue;
      await writeAudit(tx, opts.actor, {
        action: 'registration.create',
        entity: 'auction_registration',
        entityId: id,
        organizationId: org.id,
        after: { auctionId: a.id, bidderNumber, status: 'pending', depositFen: a.depositFen, termsVersion: BIDDER_TERMS.version },
      });
      return;
    }
  });
  return presentRegistrationById(opts.db, opts.actor, id);
}

/** Every registration of an auction with the bidders: staff only. */
export async function listAuctionRegistrations(opts: { db: Db; actor: Actor; auctionId: string }) {
  requirePermission(opts.actor, 'trade:staff');
  const [a] = await opts.db.select({ id: tradeAuctions.id }).from(tradeAuctions).where(eq(tradeAuctions.id, opts.auctionId)).limit(1);
  if (!a) throw AppError.notFound('Auction');
  const regs = await loadRegistrations(opts.db, eq(tradeAuctionRegistrations.auctionId, a.id));
  return presentRegistrationList(opts.db, opts.actor, regs);
}

/**
 * Locks the auction (so the change is ordered with bids) and the registration, checks the
 * transition for the actor, and returns both.
 */
async function lockRegistration(tx: Tx, actor: Actor, id: string) {
  const r = await loadRegistration(tx, id);
  if (!r) throw AppError.notFound('Registration');
  const [a] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, r.auction.id)).for('update');
  const [row] = await tx.select().from(tradeAuctionRegistrations).where(eq(tradeAuctionRegistrations.id, id)).for('update');
  const parties = partiesFor(actor, {
    organizationId: a!.organizationId,
    regionPath: r.regionPath,
    buyerOrganizationIds: [row!.bidderOrganizationId],
  });
  return { auction: a!, row: row!, parties };
}

async function markRefund(tx: Tx, actor: Actor, row: typeof tradeAuctionRegistrations.$inferSelect, now: Date) {
  if (row.depositStatus !== 'confirmed') return;
  const to = DEPOSIT_TRANSITIONS.mark_refund.to;
  await tx.update(tradeAuctionRegistrations).set({ depositStatus: to, updatedAt: now }).where(eq(tradeAuctionRegistrations.id, row.id));
  await writeAudit(tx, actor, {
    action: 'registration.deposit_mark_refund',
    entity: 'auction_registration',
    entityId: row.id,
    organizationId: row.bidderOrganizationId,
    before: { depositStatus: row.depositStatus },
    after: { depositStatus: to },
  });
}

/** Staff qualify or reject a bidder while the auction is open; a bidder who has bid can no longer be rejected. */
export async function decideRegistration(opts: { db: Db; actor: Actor; id: string; decision: 'qualified' | 'rejected'; reason?: string }) {
  requirePermission(opts.actor, 'trade:staff');
  await opts.db.transaction(async (tx) => {
    const { auction, row, parties } = await lockRegistration(tx, opts.actor, opts.id);
    const name = opts.decision === 'qualified' ? 'qualify' : 'reject';
    const to = requireTransition('registration', name, REGISTRATION_TRANSITIONS[name], row.status, parties);
    const now = clock.now();
    if (!isOpen(auction, now)) throw AppError.conflict('The auction has ended');
    if (name === 'reject' && (await hasBid(tx, row.id))) throw AppError.conflict('This bidder has already bid; its bids stand');
    await tx
      .update(tradeAuctionRegistrations)
      .set({ status: to, reviewReason: opts.reason ?? null, reviewedBy: opts.actor.userId, reviewedAt: now, updatedAt: now })
      .where(eq(tradeAuctionRegistrations.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `registration.${name}`,
      entity: 'auction_registration',
      entityId: row.id,
      organizationId: row.bidderOrganizationId,
      before: { status: row.status },
      after: { status: to, reason: opts.reason ?? null },
    });
    if (name === 'reject') await markRefund(tx, opts.actor, row, now);
    await notifyRegistrationDecided(tx, auction, row, opts.decision, opts.reason ?? null, opts.actor.userId);
  });
  return presentRegistrationById(opts.db, opts.actor, opts.id);
}

/** Staff confirm a deposit from the payment channel (manual: the bank statement). */
export async function confirmDeposit(opts: {
  db: Db;
  paymentChannel: PaymentChannel;
  actor: Actor;
  id: string;
  reference: string;
  amountFen: number;
}) {
  requirePermission(opts.actor, 'trade:staff');
  await opts.db.transaction(async (tx) => {
    const { auction, row, parties } = await lockRegistration(tx, opts.actor, opts.id);
    const to = requireTransition(
      'deposit',
      'confirm',
      DEPOSIT_TRANSITIONS.confirm,
      row.depositStatus,
      parties.includes('staff') ? ['staff'] : [],
    );
    if (!['pending', 'qualified'].includes(row.status)) throw AppError.conflict(`The registration is ${row.status}`);
    const now = clock.now();
    if (!isOpen(auction, now)) throw AppError.conflict('The auction has ended');
    await requireBidderExportStep(tx, {
      achievementId: auction.achievementId,
      sellerOrganizationId: auction.organizationId,
      bidderOrganizationId: row.bidderOrganizationId,
    });
    const { reference } = await opts.paymentChannel.verify({
      kind: 'deposit',
      expectedFen: row.depositFen,
      amountFen: opts.amountFen,
      reference: opts.reference,
    });
    await tx
      .update(tradeAuctionRegistrations)
      .set({
        depositStatus: to,
        depositReference: reference,
        depositConfirmedBy: opts.actor.userId,
        depositConfirmedAt: now,
        updatedAt: now,
      })
      .where(eq(tradeAuctionRegistrations.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'registration.deposit_confirm',
      entity: 'auction_registration',
      entityId: row.id,
      organizationId: row.bidderOrganizationId,
      before: { depositStatus: row.depositStatus },
      after: { depositStatus: to, reference, amountFen: opts.amountFen, channel: opts.paymentChannel.name },
    });
    await notifyDepositConfirmed(tx, auction, row, opts.actor.userId);
  });
  return presentRegistrationById(opts.db, opts.actor, opts.id);
}

/** Staff confirm a deposit marked for refund was paid back. */
export async function confirmRefund(opts: { db: Db; paymentChannel: PaymentChannel; actor: Actor; id: string; reference: string }) {
  requirePermission(opts.actor, 'trade:staff');
  await opts.db.transaction(async (tx) => {
    const { row, parties } = await lockRegistration(tx, opts.actor, opts.id);
    const to = requireTransition(
      'deposit',
      'refund',
      DEPOSIT_TRANSITIONS.refund,
      row.depositStatus,
      parties.includes('staff') ? ['staff'] : [],
    );
    const { reference } = await opts.paymentChannel.verify({
      kind: 'refund',
      expectedFen: row.depositFen,
      amountFen: row.depositFen,
      reference: opts.reference,
    });
    const now = clock.now();
    await tx
      .update(tradeAuctionRegistrations)
      .set({ depositStatus: to, refundReference: reference, refundedAt: now, updatedAt: now })
      .where(eq(tradeAuctionRegistrations.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'registration.deposit_refund',
      entity: 'auction_registration',
      entityId: row.id,
      organizationId: row.bidderOrganizationId,
      before: { depositStatus: row.depositStatus },
      after: { depositStatus: to, reference },
    });
  });
  return presentRegistrationById(opts.db, opts.actor, opts.id);
}

/** The bidder withdraws while the auction is open and before it has bid; a confirmed deposit is marked for refund. */
export async function withdrawRegistration(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'trade:participate');
  await opts.db.transaction(async (tx) => {
    const { auction, row, parties } = await lockRegistration(tx, opts.actor, opts.id);
    if (!parties.includes('buyer') && !parties.includes('staff')) throw AppError.notFound('Registration');
    const to = requireTransition(
      'registration',
      'withdraw',
      REGISTRATION_TRANSITIONS.withdraw,
      row.status,
      parties.filter((p) => p === 'buyer'),
    );
    const now = clock.now();
    if (!isOpen(auction, now)) throw AppError.conflict('The auction has ended');
    if (await hasBid(tx, row.id)) throw AppError.conflict('You have bid in this auction; bids are binding');
    await tx.update(tradeAuctionRegistrations).set({ status: to, updatedAt: now }).where(eq(tradeAuctionRegistrations.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'registration.withdraw',
      entity: 'auction_registration',
      entityId: row.id,
      organizationId: row.bidderOrganizationId,
      before: { status: row.status },
      after: { status: to },
    });
    await markRefund(tx, opts.actor, row, now);
  });
  return presentRegistrationById(opts.db, opts.actor, opts.id);
}

/** A listing converted into an auction: its qualified buyers become the auction's qualified bidders (deposits still to pay). */
export async function registerQualifiedBidders(
  tx: Tx,
  actor: Actor,
  auction: AuctionRow,
  buyers: Array<{ organizationId: string; qualification: string }>,
) {
  const used = new Set<string>();
  const now = clock.now();
  for (const b of buyers) {
    let bidderNumber: string;
    do bidderNumber = String(randomInt(1000, 10000));
    while (used.has(bidderNumber));
    used.add(bidderNumber);
    const id = newId();
    await tx.insert(tradeAuctionRegistrations).values({
      id,
      auctionId: auction.id,
      bidderOrganizationId: b.organizationId,
      bidderNumber,
      status: 'qualified',
      depositStatus: 'unpaid',
      depositFen: auction.depositFen,
      qualification: b.qualification,
      // Shown to the bidder as 审核意见.
      reviewReason: '已在本拍卖承接的挂牌中获得受让资格，无需重复审核',
      reviewedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, actor, {
      action: 'registration.create',
      entity: 'auction_registration',
      entityId: id,
      organizationId: b.organizationId,
      after: { auctionId: auction.id, bidderNumber, status: 'qualified', depositFen: auction.depositFen, fromListing: auction.listingId },
    });
  }
}
