import { sql } from 'drizzle-orm';
import type { BidResult, BidView } from '../../../common/api/trading.js';
import { queryRows, queryStatement, type Db, type RawStatement } from '../../db/client.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { notifyBidConsequences } from './notifications.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { decideBid, minimumBid, type AuctionState, type BidRefusal } from './auction-rules.js';
import { pgCode, readStored, refuse, replay, type StoredResponse } from './bid-idempotency.js';
import type { BidLanes } from './bid-lane.js';
import { notifyExpression, type AuctionNotification } from './events.js';
import type { StoredAuctionStatus } from './lifecycle.js';
import { buyerOrgIds } from './policy.js';
import { presentBid, presentLiveState } from './present-auction.js';

/**
 * The bid path. One service, one short transaction: the auction row is locked (SELECT … FOR UPDATE),
 * the rules (auction-rules.ts) decide on the server's clock, and one statement re-checks the
 * registration, updates the auction, inserts the bid, stores the idempotency key and queues the
 * NOTIFY; the accepted bid is audited in the same transaction. Refusals change nothing: most are
 * decided from a plain read before any lock (a price only rises, a closed auction stays closed).
 */

const REFUSALS: Record<BidRefusal, (min: number) => AppError> = {
  closed: () =>
    new AppError('conflict', 'The auction is closed', { fields: [{ field: 'body.amountFen', message: 'the auction is closed' }] }),
  not_open: () =>
    new AppError('conflict', 'Bidding has not opened yet', {
      fields: [{ field: 'body.amountFen', message: 'bidding has not opened yet' }],
    }),
  ended: () => new AppError('conflict', 'Bidding has ended', { fields: [{ field: 'body.amountFen', message: 'bidding has ended' }] }),
  too_low: (min) =>
    new AppError('conflict', `The bid must be at least ${min} fen`, {
      fields: [{ field: 'body.amountFen', message: `must be at least ${min} fen (the current price plus the increment)` }],
    }),
};

/** The auction's columns the rules read, as either driver returns them (timestamps as Date or text, bigints as text). */
export interface AuctionStateRow {
  status: string;
  starts_at: Date | string;
  ends_at: Date | string;
  starting_price_fen: number | string;
  increment_fen: number | string;
  current_price_fen: number | string | null;
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** The rules' view of an auction row (auction-rules.ts); `leader` and `bidCount` are known only under the lock. */
export function auctionStateOf(
  a: AuctionStateRow,
  locked?: { leader_registration_id: string | null; bid_count: number | string },
): AuctionState {
  return {
    status: a.status as StoredAuctionStatus,
    startsAt: toDate(a.starts_at).getTime(),
    endsAt: toDate(a.ends_at).getTime(),
    startingPriceFen: Number(a.starting_price_fen),
    incrementFen: Number(a.increment_fen),
    reservePriceFen: null,
    currentPriceFen: a.current_price_fen === null ? null : Number(a.current_price_fen),
    leader: locked?.leader_registration_id ?? null,
    bidCount: locked ? Number(locked.bid_count) : 0,
  };
}

/**
 * The read every bid attempt makes, as a named prepared statement on PostgreSQL (parsed and planned
 * once per connection) and straight to the driver: in a bid storm it runs thousands of times a second.
 * Values: auction id, the caller's organisation ids, user id, idempotency key (or null).
 */
export const BID_PRECHECK: RawStatement = {
  name: 'trading_bid_precheck',
  text: `
  SELECT a.id, a.status, a.starts_at, a.ends_at, a.starting_price_fen, a.increment_fen, a.current_price_fen,
         r.id AS reg_id, r.status AS reg_status, r.deposit_status, r.bidder_number, r.bidder_organization_id,
         k.fingerprint, k.status_code, k.response
  FROM (SELECT 1) AS one
  LEFT JOIN trade_auctions a ON a.id = $1::uuid
  LEFT JOIN LATERAL (
    SELECT id, status, deposit_status, bidder_number, bidder_organization_id FROM trade_auction_registrations
    WHERE auction_id = $1::uuid AND status IN ('pending', 'qualified') AND bidder_organization_id = ANY($2::uuid[])
    ORDER BY (status = 'qualified' AND deposit_status = 'confirmed') DESC LIMIT 1) r ON true
  LEFT JOIN trade_idempotency_keys k ON k.user_id = $3::uuid AND k.key = $4::varchar`,
};

/** One row always: the auction's columns are null when there is no such auction (`id` null). */
export interface BidPrecheckRow extends AuctionStateRow {
  id: string | null;
  reg_id: string | null;
  reg_status: string | null;
  deposit_status: string | null;
  bidder_number: string | null;
  bidder_organization_id: string | null;
  fingerprint: string | null;
  status_code: number | null;
  response: StoredResponse['body'] | string | null;
}

export const bidPrecheckValues = (p: { auctionId: string; organizationIds: string[]; userId: string; key: string | null }) => [
  p.auctionId,
  p.organizationIds,
  p.userId,
  p.key,
];

async function readBidPrecheck(db: Db, p: Parameters<typeof bidPrecheckValues>[0]): Promise<BidPrecheckRow | undefined> {
  const [row] = await queryStatement<BidPrecheckRow>(db, BID_PRECHECK, bidPrecheckValues(p));
  return row;
}

interface LockedAuctionRow extends AuctionStateRow {
  title: string;
  original_ends_at: Date | string;
  leader_registration_id: string | null;
  bid_count: number | string;
  last_bid_at: Date | string | null;
}

class Refused extends Error {
  constructor(
    readonly error: AppError,
    readonly final = false,
  ) {
    super(error.message);
  }
}

/**
 * Refusals that every later evaluation repeats (a price only rises, a closed auction stays closed):
 * a retry is refused again by the rules themselves, so nothing is written for them — the common
 * case in a bid storm costs two reads. Other refusals (not open yet, not qualified, no deposit)
 * could turn into acceptance later, so the first answer is stored under the key.
 */
const FINAL = new Set<BidRefusal>(['too_low', 'closed']);

/** A higher bid was accepted while this one waited for the auction's lock. */
class Outbid extends Error {}

export async function placeBid(opts: {
  db: Db;
  bidLanes: BidLanes;
  actor: Actor;
  auctionId: string;
  amountFen: number;
  organizationId?: string;
  idempotencyKey?: string;
}): Promise<BidResult> {
  const { db, bidLanes, actor, auctionId, amountFen } = opts;
  requirePermission(actor, 'trade:participate');
  requireUser(actor);
  const userId = actor.userId;
  const key = opts.idempotencyKey;
  const fingerprint = `bid:${auctionId}:${amountFen}`;
  let orgIds = buyerOrgIds(actor);
  if (opts.organizationId) {
    if (!orgIds.includes(opts.organizationId)) throw AppError.forbidden('You can only bid for your own organisation');
    orgIds = [opts.organizationId];
  }
  if (orgIds.length === 0) throw AppError.forbidden('You belong to no organisation that may bid');

  // 0. Without a key there is no stored answer to find: an amount this process already knows to be
  // too low is refused here (a retry with a key must first find its stored answer).
  const known = bidLanes.knownMinimumOf(auctionId);
  if (!key && amountFen < known) throw REFUSALS.too_low(known);

  // 1. A plain read: the stored answer for the key, the auction, the caller's registration.
  const pre = await readBidPrecheck(db, { auctionId, organizationIds: orgIds, userId, key: key ?? null });
  if (pre?.fingerprint != null) {
    if (pre.fingerprint !== fingerprint) throw AppError.validation('headers.idempotency-key', 'was already used for a different request');
    const response = typeof pre.response === 'string' ? (JSON.parse(pre.response) as StoredResponse['body']) : pre.response;
    return replay({ statusCode: Number(pre.status_code), body: response! });
  }
  if (!pre?.id) throw AppError.notFound('Auction');
  const regId = pre.reg_id;
  if (!regId) return refuse(db, userId, key, fingerprint, AppError.forbidden('Register for this auction and be qualified before bidding'));
  if (pre.reg_status !== 'qualified')
    return refuse(db, userId, key, fingerprint, AppError.forbidden('Your registration has not been qualified yet'));
  if (pre.deposit_status !== 'confirmed')
    return refuse(db, userId, key, fingerprint, AppError.forbidden('Your deposit has not been confirmed yet'));
  const seen = auctionStateOf(pre);
  const early = decideBid(seen, { bidder: regId, amountFen, at: clock.now().getTime() });
  bidLanes.noteMinimum(auctionId, minimumBid(seen));
  // Monotone refusals hold whatever commits meanwhile; `ended` may not (a concurrent bid can extend).
  if (!early.ok && FINAL.has(early.reason)) throw REFUSALS[early.reason](early.minimumFen);
  if (!early.ok && early.reason === 'not_open') return refuse(db, userId, key, fingerprint, REFUSALS[early.reason](early.minimumFen));

  // 2. The locked decision. Every change to a registration takes this auction's row lock first
  // (registrations.ts), so the statement after the lock sees the registration as it now is.
  const bidderNumber = pre.bidder_number!;
  const bidderOrganizationId = pre.bidder_organization_id!;
  return bidLanes.inLane(auctionId, () =>
    decideLocked({ db, bidLanes, actor, userId, auctionId, amountFen, key, fingerprint, regId, bidderNumber, bidderOrganizationId }),
  );
}

interface LockedBid {
  db: Db;
  bidLanes: BidLanes;
  actor: Actor;
  userId: string;
  auctionId: string;
  amountFen: number;
  key: string | undefined;
  fingerprint: string;
  regId: string;
  bidderNumber: string;
  bidderOrganizationId: string;
}

/** The decision under the auction's row lock (queued in this process's lane for the auction). */
async function decideLocked(c: LockedBid): Promise<BidResult> {
  const { db, bidLanes, actor, userId, auctionId, amountFen, key, fingerprint, regId, bidderNumber, bidderOrganizationId } = c;
  // Someone in this process was accepted meanwhile at or above this amount: refused, no lock needed.
  const known = bidLanes.knownMinimumOf(auctionId);
  if (amountFen < known) throw REFUSALS.too_low(known);
  try {
    const result = await db.transaction(async (tx) => {
      const [a] = await queryRows<LockedAuctionRow>(
        tx,
        sql`SELECT title, status, starts_at, ends_at, original_ends_at, starting_price_fen, increment_fen, current_price_fen, leader_registration_id, bid_count, last_bid_at
            FROM trade_auctions
            WHERE id = ${auctionId} AND ${amountFen} >= COALESCE(current_price_fen + increment_fen, starting_price_fen)
            FOR UPDATE`,
      );
      // A higher bid committed while this one waited for the lock: the row no longer qualifies, so
      // it is neither returned nor locked, and the waiters behind it are refused in parallel.
      if (!a) throw new Outbid();
      const lastBidAt = a.last_bid_at ? toDate(a.last_bid_at).getTime() : 0;
      const now = Math.max(clock.now().getTime(), lastBidAt);
      const state = auctionStateOf(a, a);
      const d = decideBid(state, { bidder: regId, amountFen, at: now });
      if (!d.ok) throw new Refused(REFUSALS[d.reason](d.minimumFen), FINAL.has(d.reason));
      const seq = d.next.bidCount;
      const placedAt = new Date(now);
      const endsAt = new Date(d.next.endsAt);
      const bid: BidView = presentBid({ seq, amountFen, bidderNumber, placedAt, endsAtAfter: endsAt, extended: d.extended });
      const live = presentLiveState(
        {
          id: auctionId,
          status: state.status,
          startsAt: new Date(state.startsAt),
          endsAt,
          originalEndsAt: toDate(a.original_ends_at),
          startingPriceFen: state.startingPriceFen,
          incrementFen: state.incrementFen,
          currentPriceFen: amountFen,
          leaderNumber: bidderNumber,
          bidCount: seq,
          winnerNumber: null,
        },
        placedAt,
      );
      const result: BidResult = { bid, state: live, replayed: false };
      const note: AuctionNotification = { auctionId, events: [{ event: 'bid', data: { auctionId, bid, state: live } }] };
      if (d.extended) {
        note.events.push({
          event: 'extended',
          data: {
            auctionId,
            previousEndsAt: new Date(d.previousEndsAt).toISOString(),
            endsAt: endsAt.toISOString(),
            bySeq: seq,
            serverTime: placedAt.toISOString(),
          },
        });
      }
      const storeKey = key
        ? sql`, k AS (INSERT INTO trade_idempotency_keys (user_id, key, fingerprint, status_code, response, created_at)
                     SELECT ${userId}::uuid, ${key}::varchar, ${fingerprint}::text, 201, ${JSON.stringify(result)}::jsonb, ${placedAt}::timestamptz FROM u)`
        : sql``;
      // One statement: the registration re-checked, the auction moved, the bid and the key stored, the NOTIFY queued.
      const done = await queryRows(
        tx,
        sql`WITH r AS (SELECT 1 FROM trade_auction_registrations WHERE id = ${regId} AND status = 'qualified' AND deposit_status = 'confirmed'),
             u AS (UPDATE trade_auctions SET current_price_fen = ${amountFen}, leader_registration_id = ${regId}, leader_number = ${bidderNumber},
                          bid_count = ${seq}, ends_at = ${endsAt}, last_bid_at = ${placedAt}
                   WHERE id = ${auctionId} AND EXISTS (SELECT 1 FROM r) RETURNING id),
             b AS (INSERT INTO trade_bids (auction_id, seq, registration_id, bidder_number, amount_fen, placed_at, ends_at_after, extended, user_id)
                   SELECT ${auctionId}::uuid, ${seq}::int, ${regId}::uuid, ${bidderNumber}::varchar, ${amountFen}::bigint, ${placedAt}::timestamptz,
                          ${endsAt}::timestamptz, ${d.extended}::boolean, ${userId}::uuid FROM u)
             ${storeKey}
        SELECT ${notifyExpression(note)} FROM u`,
      );
      if (done.length === 0) throw new Refused(AppError.forbidden('Your registration is no longer eligible to bid'));
      await writeAudit(tx, actor, {
        action: 'auction.bid',
        entity: 'auction',
        entityId: auctionId,
        organizationId: bidderOrganizationId,
        before: { currentPriceFen: state.currentPriceFen, endsAt: new Date(state.endsAt).toISOString() },
        after: { seq, amountFen, bidderNumber, currentPriceFen: amountFen, endsAt: endsAt.toISOString() },
      });
      await notifyBidConsequences(
        tx,
        { id: auctionId, title: a.title },
        {
          registrationId: regId,
          amountFen,
          previousLeaderRegistrationId: a.leader_registration_id,
          extendedTo: d.extended ? endsAt : null,
          userId,
        },
      );
      return result;
    });
    bidLanes.noteMinimum(auctionId, result.state.minimumBidFen);
    return result;
  } catch (err) {
    if (err instanceof Outbid) {
      const [now] = await queryRows<{ minimum: string }>(
        db,
        sql`SELECT COALESCE(current_price_fen + increment_fen, starting_price_fen) AS minimum FROM trade_auctions WHERE id = ${auctionId}`,
      );
      bidLanes.noteMinimum(auctionId, Number(now!.minimum));
      throw REFUSALS.too_low(Number(now!.minimum));
    }
    if (err instanceof Refused) return err.final ? Promise.reject(err.error) : refuse(db, userId, key, fingerprint, err.error);
    if (key && pgCode(err) === '23505') {
      // The same key was answered meanwhile (a concurrent retry): that first answer stands.
      const stored = await readStored(db, userId, key, fingerprint);
      if (stored) return replay(stored);
    }
    throw err;
  }
}
