// The bid path of server/modules/trading/bids.ts (placeBid) as raw node-postgres calls: the same
// statements in the same order on a plain pg.Pool — the pre-read (the module's own BID_PRECHECK and
// auctionStateOf), the refusal's idempotency record, or the locked transaction (SELECT … FOR UPDATE,
// the one CTE with pg_notify, the four audit statements of writeAudit) — with the same pure rules (decideBid) and presenters. What it leaves
// out is what the comparison is about: HTTP, Fastify, authentication, validation and Drizzle.
// Keep it in step with bids.ts; bench:auction prints statements per attempt of both (pg_stat_statements) so drift shows.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { GENESIS_HASH, rowHash, type ChainedFields } from '../server/lib/audit.js';
import { canonicalJson, sha256 } from '../server/lib/ids.js';
import { decideBid } from '../server/modules/trading/auction-rules.js';
import { auctionStateOf, BID_PRECHECK, bidPrecheckValues, type BidPrecheckRow } from '../server/modules/trading/bids.js';
import { TRADING_CHANNEL } from '../server/modules/trading/events.js';
import { presentBid, presentLiveState } from '../server/modules/trading/present-auction.js';

const AUDIT_CHAIN_LOCK = 727274002; // server/lib/audit.ts

const REFUSAL = `INSERT INTO trade_idempotency_keys (user_id, key, fingerprint, status_code, response, created_at)
VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING RETURNING 1 AS one`;

const LOCK = `SELECT status, starts_at, ends_at, original_ends_at, starting_price_fen, increment_fen, current_price_fen, leader_registration_id, bid_count, last_bid_at
FROM trade_auctions WHERE id = $1 FOR UPDATE`;

const ACCEPT = `WITH r AS (SELECT 1 FROM trade_auction_registrations WHERE id = $1 AND status = 'qualified' AND deposit_status = 'confirmed'),
     u AS (UPDATE trade_auctions SET current_price_fen = $2, leader_registration_id = $3, leader_number = $4,
                  bid_count = $5, ends_at = $6, last_bid_at = $7
           WHERE id = $8 AND EXISTS (SELECT 1 FROM r) RETURNING id),
     b AS (INSERT INTO trade_bids (auction_id, seq, registration_id, bidder_number, amount_fen, placed_at, ends_at_after, extended, user_id)
           SELECT $9::uuid, $10::int, $11::uuid, $12::varchar, $13::bigint, $14::timestamptz, $15::timestamptz, $16::boolean, $17::uuid FROM u),
     k AS (INSERT INTO trade_idempotency_keys (user_id, key, fingerprint, status_code, response, created_at)
           SELECT $18::uuid, $19::varchar, $20::text, 201, $21::jsonb, $22::timestamptz FROM u)
SELECT pg_notify($23, $24) FROM u`;

const AUDIT_INSERT = `INSERT INTO audit_log (seq, at, actor_user_id, actor_label, organization_id, action, entity, entity_id, before_digest, after_digest, changes, request_id, prev_hash, hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;

export interface RawBidder {
  userId: string;
  email: string;
  organizationId: string;
  registrationId: string;
  bidderNumber: string;
}

export type RawOutcome =
  { ok: true; seq: number; amountFen: number; bidderNumber: string; minimumBidFen: number } | { ok: false; minimumBidFen: number | null };

const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

async function refuse(pool: pg.Pool, b: RawBidder, key: string, fingerprint: string, minimumFen: number): Promise<RawOutcome> {
  const body = {
    code: 'conflict',
    detail: `The bid must be at least ${minimumFen} fen`,
    errors: [{ field: 'body.amountFen', message: `must be at least ${minimumFen} fen (the current price plus the increment)` }],
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query(REFUSAL, [b.userId, key, fingerprint, 409, JSON.stringify(body), new Date()]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return { ok: false, minimumBidFen: minimumFen };
}

/** One bid attempt, exactly as placeBid runs it (the too-low and accepted paths; replays and ineligible bidders are not exercised). */
export async function rawPlaceBid(
  pool: pg.Pool,
  b: RawBidder,
  auctionId: string,
  amountFen: number,
  key: string = randomUUID(),
): Promise<RawOutcome> {
  const fingerprint = `bid:${auctionId}:${amountFen}`;
  // The module's own statement, named as placeBid sends it to a pg.Pool (server/db/client.ts queryStatement).
  const values = bidPrecheckValues({ auctionId, organizationIds: [b.organizationId], userId: b.userId, key });
  const pre = (await pool.query<BidPrecheckRow>({ name: BID_PRECHECK.name, text: BID_PRECHECK.text, values })).rows[0]!;
  if (pre.fingerprint != null || pre.reg_status !== 'qualified' || pre.deposit_status !== 'confirmed')
    throw new Error('raw bid: unexpected replay or ineligible bidder');
  const seen = auctionStateOf(pre);
  const early = decideBid(seen, { bidder: b.registrationId, amountFen, at: Date.now() });
  if (!early.ok && early.reason !== 'ended') return refuse(pool, b, key, fingerprint, early.minimumFen);

  const client = await pool.connect();
  let refusedAt = 0;
  try {
    await client.query('BEGIN');
    const a = (
      await client.query<
        Parameters<typeof auctionStateOf>[0] & {
          original_ends_at: Date;
          leader_registration_id: string | null;
          bid_count: number;
          last_bid_at: Date | null;
        }
      >(LOCK, [auctionId])
    ).rows[0]!;
    const lastBidAt = a.last_bid_at ? date(a.last_bid_at).getTime() : 0;
    const now = Math.max(Date.now(), lastBidAt);
    const state = auctionStateOf(a, a);
    const d = decideBid(state, { bidder: b.registrationId, amountFen, at: now });
    if (!d.ok) {
      await client.query('ROLLBACK');
      refusedAt = d.minimumFen;
    } else {
      const seq = d.next.bidCount;
      const placedAt = new Date(now);
      const endsAt = new Date(d.next.endsAt);
      const bid = presentBid({ seq, amountFen, bidderNumber: b.bidderNumber, placedAt, endsAtAfter: endsAt, extended: d.extended });
      const live = presentLiveState(
        {
          id: auctionId,
          status: state.status,
          startsAt: new Date(state.startsAt),
          endsAt,
          originalEndsAt: date(a.original_ends_at),
          startingPriceFen: state.startingPriceFen,
          incrementFen: state.incrementFen,
          currentPriceFen: amountFen,
          leaderNumber: b.bidderNumber,
          bidCount: seq,
          winnerNumber: null,
        },
        placedAt,
      );
      const result = { bid, state: live, replayed: false };
      const events: unknown[] = [{ event: 'bid', data: { auctionId, bid, state: live } }];
      if (d.extended)
        events.push({
          event: 'extended',
          data: {
            auctionId,
            previousEndsAt: new Date(d.previousEndsAt).toISOString(),
            endsAt: endsAt.toISOString(),
            bySeq: seq,
            serverTime: placedAt.toISOString(),
          },
        });
      const done = await client.query(ACCEPT, [
        b.registrationId,
        amountFen,
        b.registrationId,
        b.bidderNumber,
        seq,
        endsAt,
        placedAt,
        auctionId,
        auctionId,
        seq,
        b.registrationId,
        b.bidderNumber,
        amountFen,
        placedAt,
        endsAt,
        d.extended,
        b.userId,
        b.userId,
        key,
        fingerprint,
        JSON.stringify(result),
        placedAt,
        TRADING_CHANNEL,
        JSON.stringify({ auctionId, events }),
      ]);
      if (done.rowCount === 0) throw new Error('raw bid: registration no longer eligible');
      await writeAuditRaw(client, b, auctionId, {
        before: { currentPriceFen: state.currentPriceFen, endsAt: new Date(state.endsAt).toISOString() },
        after: { seq, amountFen, bidderNumber: b.bidderNumber, currentPriceFen: amountFen, endsAt: endsAt.toISOString() },
      });
      await client.query('COMMIT');
      return { ok: true, seq, amountFen, bidderNumber: b.bidderNumber, minimumBidFen: live.minimumBidFen };
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return refuse(pool, b, key, fingerprint, refusedAt);
}

/** server/lib/audit.ts writeAudit, statement for statement. */
async function writeAuditRaw(
  client: pg.PoolClient,
  b: RawBidder,
  auctionId: string,
  e: { before: Record<string, unknown>; after: Record<string, unknown> },
) {
  await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = (await client.query('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0] as { hash: string } | undefined;
  const seqRow = (await client.query(`SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`)).rows[0] as { seq: string };
  const changes: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(e.before), ...Object.keys(e.after)])) {
    if (canonicalJson(e.before[k] ?? null) !== canonicalJson(e.after[k] ?? null))
      changes[k] = { from: e.before[k] ?? null, to: e.after[k] ?? null };
  }
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    seq: Number(seqRow.seq),
    at: new Date(),
    actorUserId: b.userId,
    actorLabel: b.email,
    organizationId: b.organizationId,
    action: 'auction.bid',
    entity: 'auction',
    entityId: auctionId,
    beforeDigest: sha256(canonicalJson(e.before)),
    afterDigest: sha256(canonicalJson(e.after)),
    changes: JSON.parse(canonicalJson(changes)) as Record<string, unknown>,
    requestId: randomUUID(),
  };
  await client.query(AUDIT_INSERT, [
    fields.seq,
    fields.at,
    fields.actorUserId,
    fields.actorLabel,
    fields.organizationId,
    fields.action,
    fields.entity,
    fields.entityId,
    fields.beforeDigest,
    fields.afterDigest,
    JSON.stringify(fields.changes),
    fields.requestId,
    prevHash,
    rowHash(prevHash, fields),
  ]);
}
