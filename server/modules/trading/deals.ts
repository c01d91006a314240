import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DealView, TradeRoute } from '../../../common/api/trading.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { tradeAuctionRegistrations, tradeAuctions, tradeDeals } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { requireDealExportStep } from '../export-control/gate.js';
import { newId } from '../../lib/ids.js';
import { winnerDepositAfter } from './auction-rules.js';
import { completeTransfer, endTrade } from './catalog-bridge.js';
import { AUCTION_TRANSITIONS, DEAL_TRANSITIONS, requireTransition } from './lifecycle.js';
import type { PaymentChannel } from './payment.js';
import { buyerOrgIds, partiesFor, seesIdentities, sellerOrgIds } from './policy.js';
import { presentDeal } from './presenter.js';
import { countDeals, loadDeal, loadDeals } from './records.js';

/** Deals (成交): what every route ends in; payment confirmation; the buyer backing out. */

export interface NewDeal {
  route: TradeRoute;
  achievementId: string;
  sellerOrganizationId: string;
  buyerOrganizationId: string;
  regionCode: string;
  title: string;
  achievementSummary: string;
  fieldCode: string;
  priceFen: number;
  depositAppliedFen?: number;
  transferMode: string;
  listingId?: string | null;
  auctionId?: string | null;
  noticeId?: string | null;
}

/** Records a deal awaiting payment, in the caller's transaction, audited. */
export async function insertDeal(tx: Tx, actor: Actor, d: NewDeal): Promise<string> {
  const id = newId();
  const now = clock.now();
  const values = {
    ...d,
    id,
    status: 'pending_payment',
    depositAppliedFen: d.depositAppliedFen ?? 0,
    listingId: d.listingId ?? null,
    auctionId: d.auctionId ?? null,
    noticeId: d.noticeId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(tradeDeals).values(values);
  await writeAudit(tx, actor, {
    action: 'deal.create',
    entity: 'deal',
    entityId: id,
    organizationId: d.sellerOrganizationId,
    after: values,
  });
  return id;
}

export async function getDeal(opts: { db: Db; actor: Actor; id: string }): Promise<DealView> {
  const d = await loadDeal(opts.db, opts.id);
  if (!d) throw AppError.notFound('Deal');
  return presentDeal(d, opts.actor);
}

/** Deals are public (成交信息): parties, price, mode, route. */
export async function listDeals(opts: { db: Db; actor: Actor; route?: TradeRoute; where?: SQL; limit: number; offset: number }) {
  const where = and(opts.route ? eq(tradeDeals.route, opts.route) : undefined, opts.where);
  const rows = await loadDeals(opts.db, where, { limit: opts.limit, offset: opts.offset });
  return { items: rows.map((d) => presentDeal(d, opts.actor)), total: await countDeals(opts.db, where) };
}

/** The actor's organisations' deals, as seller or buyer. */
export function ownDealsWhere(actor: Actor): SQL | undefined {
  const sellers = sellerOrgIds(actor);
  const buyers = buyerOrgIds(actor);
  const conds = [
    ...sellers.map((id) => eq(tradeDeals.sellerOrganizationId, id)),
    ...buyers.map((id) => eq(tradeDeals.buyerOrganizationId, id)),
  ];
  return conds.length ? or(...conds) : undefined;
}

/**
 * Staff confirm the buyer paid (price less any deposit applied): the deal completes, the winner's
 * deposit is applied to the price, and the achievement is transferred.
 */
export async function confirmDealPayment(opts: {
  db: Db;
  paymentChannel: PaymentChannel;
  actor: Actor;
  id: string;
  reference: string;
  amountFen: number;
}) {
  requirePermission(opts.actor, 'trade:staff');
  await opts.db.transaction(async (tx) => {
    const d = await loadDeal(tx, opts.id, true);
    if (!d) throw AppError.notFound('Deal');
    const parties = partiesFor(opts.actor, {
      organizationId: d.row.sellerOrganizationId,
      regionPath: d.regionPath,
      buyerOrganizationIds: [d.row.buyerOrganizationId],
    });
    const to = requireTransition(
      'deal',
      'confirm_payment',
      DEAL_TRANSITIONS.confirm_payment,
      d.row.status,
      parties.filter((p) => p === 'staff'),
    );
    await requireDealExportStep(tx, 'payment', {
      dealId: d.row.id,
      sellerOrganizationId: d.row.sellerOrganizationId,
      buyerOrganizationId: d.row.buyerOrganizationId,
    });
    const due = d.row.priceFen - d.row.depositAppliedFen;
    const { reference } = await opts.paymentChannel.verify({
      kind: 'payment',
      expectedFen: due,
      amountFen: opts.amountFen,
      reference: opts.reference,
    });
    const now = clock.now();
    await tx
      .update(tradeDeals)
      .set({ status: to, paymentReference: reference, paymentConfirmedBy: opts.actor.userId, paymentConfirmedAt: now, updatedAt: now })
      .where(eq(tradeDeals.id, d.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'deal.confirm_payment',
      entity: 'deal',
      entityId: d.row.id,
      organizationId: d.row.sellerOrganizationId,
      before: { status: d.row.status },
      after: { status: to, reference, amountFen: opts.amountFen, channel: opts.paymentChannel.name },
    });
    if (d.row.auctionId) await settleWinnerDeposit(tx, opts.actor, d.row.auctionId, 'paid');
    await completeTransfer(tx, d.row.achievementId);
  });
  return getDeal(opts);
}

/**
 * The buyer backs out before paying: the deal is cancelled and the achievement returns to the
 * catalogue. An auction winner forfeits the deposit and the auction is marked defaulted.
 */
export async function withdrawFromDeal(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  requirePermission(opts.actor, 'trade:participate');
  await opts.db.transaction(async (tx) => {
    const d = await loadDeal(tx, opts.id, true);
    if (!d) throw AppError.notFound('Deal');
    const parties = partiesFor(opts.actor, {
      organizationId: d.row.sellerOrganizationId,
      regionPath: d.regionPath,
      buyerOrganizationIds: [d.row.buyerOrganizationId],
    });
    const to = requireTransition(
      'deal',
      'withdraw',
      DEAL_TRANSITIONS.withdraw,
      d.row.status,
      parties.filter((p) => p === 'buyer'),
    );
    const now = clock.now();
    await tx
      .update(tradeDeals)
      .set({ status: to, cancelledAt: now, cancelReason: opts.reason, updatedAt: now })
      .where(eq(tradeDeals.id, d.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'deal.withdraw',
      entity: 'deal',
      entityId: d.row.id,
      organizationId: d.row.buyerOrganizationId,
      before: { status: d.row.status },
      after: { status: to, reason: opts.reason },
    });
    if (d.row.auctionId) {
      const [a] = await tx.select().from(tradeAuctions).where(eq(tradeAuctions.id, d.row.auctionId)).for('update');
      const next = requireTransition('auction', 'default', AUCTION_TRANSITIONS.default, a!.status, ['system']);
      await tx
        .update(tradeAuctions)
        .set({ status: next, closeReason: 'winner_withdrew', updatedAt: now })
        .where(eq(tradeAuctions.id, a!.id));
      await writeAudit(tx, opts.actor, {
        action: 'auction.default',
        entity: 'auction',
        entityId: a!.id,
        organizationId: a!.organizationId,
        before: { status: a!.status },
        after: { status: next },
      });
      await settleWinnerDeposit(tx, opts.actor, a!.id, 'withdrew');
    }
    await endTrade(tx, d.row.achievementId);
  });
  return getDeal(opts);
}

/** The winner's held deposit: applied to the price when paid, forfeited when the winner backs out. */
async function settleWinnerDeposit(tx: Tx, actor: Actor, auctionId: string, event: 'paid' | 'withdrew') {
  const [a] = await tx.select({ winner: tradeAuctions.winnerRegistrationId }).from(tradeAuctions).where(eq(tradeAuctions.id, auctionId));
  if (!a?.winner) return;
  const [r] = await tx.select().from(tradeAuctionRegistrations).where(eq(tradeAuctionRegistrations.id, a.winner)).for('update');
  if (!r) return;
  const to = winnerDepositAfter(r.depositStatus as Parameters<typeof winnerDepositAfter>[0], event);
  if (to === r.depositStatus) return;
  await tx
    .update(tradeAuctionRegistrations)
    .set({ depositStatus: to, updatedAt: clock.now() })
    .where(eq(tradeAuctionRegistrations.id, r.id));
  await writeAudit(tx, actor, {
    action: `registration.deposit_${to === 'forfeited' ? 'forfeit' : 'apply'}`,
    entity: 'auction_registration',
    entityId: r.id,
    organizationId: r.bidderOrganizationId,
    before: { depositStatus: r.depositStatus },
    after: { depositStatus: to, depositFen: r.depositFen },
  });
}

export interface DealForContract {
  dealId: string;
  achievementId: string;
  title: string;
  sellerOrganizationId: string;
  buyerOrganizationId: string;
  priceFen: number;
  transferMode: string;
  route: TradeRoute;
  fieldCode: string;
}

/**
 * For the contracts module: a deal's facts to pre-fill a contract application. Only the parties
 * (and staff or officials in scope) may read it; a cancelled deal is not a basis for a contract.
 */
export async function findDealForContract(opts: { db: Db; actor: Actor; dealId: string }): Promise<DealForContract> {
  const d = await loadDeal(opts.db, opts.dealId);
  if (!d) throw AppError.notFound('Deal');
  const parties = partiesFor(opts.actor, {
    organizationId: d.row.sellerOrganizationId,
    regionPath: d.regionPath,
    buyerOrganizationIds: [d.row.buyerOrganizationId],
  });
  if (!parties.includes('owner') && !parties.includes('buyer') && !seesIdentities(parties)) throw AppError.notFound('Deal');
  if (d.row.status === 'cancelled') throw AppError.conflict('The deal was cancelled');
  return {
    dealId: d.row.id,
    achievementId: d.row.achievementId,
    title: d.row.title,
    sellerOrganizationId: d.row.sellerOrganizationId,
    buyerOrganizationId: d.row.buyerOrganizationId,
    priceFen: d.row.priceFen,
    transferMode: d.row.transferMode,
    route: d.row.route as TradeRoute,
    fieldCode: d.row.fieldCode,
  };
}

/**
 * Deals' outcome by id, for modules that credit a deal to someone (brokers' track records,
 * institutions' service records): only what the public deal page shows.
 */
export async function dealOutcomes(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { id: string; status: string; priceFen: number; title: string; completedAt: Date | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: tradeDeals.id,
      status: tradeDeals.status,
      priceFen: tradeDeals.priceFen,
      title: tradeDeals.title,
      completedAt: tradeDeals.paymentConfirmedAt,
    })
    .from(tradeDeals)
    .where(inArray(tradeDeals.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
