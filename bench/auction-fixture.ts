// One hot auction and its bidders, for bench:auction and the auction crash test. Everything is
// written through the trading services (announce, register, qualify, confirm deposit, API token),
// so rows, foreign keys and audit entries are the real ones. One shortcut, said out loud by the
// callers: the auction is announced ≥ 7 days ahead as the rule demands, then its bidding window is
// moved to "now" with one UPDATE (`openBiddingNow`), because nobody waits a week in a benchmark.
import { request, Agent } from 'node:http';
import { sql } from 'drizzle-orm';
import type { BidResult } from '../common/api/trading.js';
import type { Db } from '../server/db/client.js';
import { createApiToken } from '../server/modules/identity/tokens.js';
import { createAuction } from '../server/modules/trading/auctions.js';
import { BIDDER_TERMS } from '../server/modules/trading/bidder-terms.js';
import { manualPaymentChannel } from '../server/modules/trading/payment.js';
import { confirmDeposit, decideRegistration, registerBidder } from '../server/modules/trading/registrations.js';
import { actorFor, createAchievement, createUser } from '../test/factories.js';

export interface Bidder {
  index: number;
  userId: string;
  email: string;
  organizationId: string;
  registrationId: string;
  bidderNumber: string;
  /** Bearer API token (`jq_…`, scope trade:participate): no login, no argon2, no CSRF per request. */
  token: string;
}

export interface HotAuction {
  auctionId: string;
  startingPriceFen: number;
  incrementFen: number;
  depositFen: number;
  bidders: Bidder[];
}

const WEEK_AND_A_BIT = 7 * 86400_000 + 3600_000;

/** A published achievement, its auction announced by the owner, and `bidders` qualified bidders with confirmed deposits. */
export async function setUpHotAuction(
  db: Db,
  opts: { bidders: number; concurrency?: number; startingPriceFen?: number; incrementFen?: number },
): Promise<HotAuction> {
  const staff = await createUser(db, { role: 'platform_admin' });
  const staffActor = await actorFor(db, staff);
  const seller = await createUser(db, { role: 'org_admin' });
  const sellerActor = await actorFor(db, seller);
  const achievement = await createAchievement(db, { by: seller, status: 'published' });
  const startsAt = new Date(Date.now() + WEEK_AND_A_BIT);
  const auction = await createAuction({
    db,
    actor: sellerActor,
    input: {
      achievementId: achievement.id,
      transferMode: 'transfer',
      startingPriceFen: opts.startingPriceFen ?? 10_000_000, // ¥100,000
      incrementFen: opts.incrementFen ?? 100_000, // ¥1,000
      reservePriceFen: null,
      depositPercent: 10,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      approvals: [],
    },
  });

  const bidders: Bidder[] = [];
  const one = async (index: number) => {
    const user = await createUser(db, { role: 'org_member' });
    const actor = await actorFor(db, user);
    const reg = await registerBidder({
      db,
      actor,
      auctionId: auction.id,
      qualification: `竞买人资质说明：注册资本充足，具备实施能力（${index}）`,
      acceptedTermsVersion: BIDDER_TERMS.version,
    });
    await decideRegistration({ db, actor: staffActor, id: reg.id, decision: 'qualified' });
    await confirmDeposit({
      db,
      paymentChannel: manualPaymentChannel,
      actor: staffActor,
      id: reg.id,
      reference: `BANK-DEP-${index}`,
      amountFen: auction.depositFen,
    });
    const { token } = await createApiToken({ db, actor, name: `bidder ${index}`, scopes: ['trade:participate'] });
    bidders.push({
      index,
      userId: user.id,
      email: user.email,
      organizationId: user.organizationId!,
      registrationId: reg.id,
      bidderNumber: reg.bidderNumber,
      token,
    });
  };
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  for (let i = 0; i < opts.bidders; i += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, opts.bidders - i) }, (_, k) => one(i + k)));
  }
  bidders.sort((a, b) => a.index - b.index);
  return {
    auctionId: auction.id,
    startingPriceFen: auction.startingPriceFen,
    incrementFen: auction.incrementFen,
    depositFen: auction.depositFen,
    bidders,
  };
}

/** The setup shortcut: bidding opened a minute ago and ends `endsInMs` from now (original end = end). */
export async function openBiddingNow(db: Db, auctionId: string, endsInMs: number): Promise<Date> {
  const now = Date.now();
  const endsAt = new Date(now + endsInMs);
  await db.execute(
    sql`UPDATE trade_auctions SET starts_at = ${new Date(now - 60_000)}, ends_at = ${endsAt}, original_ends_at = ${endsAt} WHERE id = ${auctionId}`,
  );
  return endsAt;
}

export interface BidAnswer {
  status: number;
  /** The BidResult on 201; the problem document otherwise. */
  body: unknown;
}

/** A bid over HTTP/1.1 keep-alive, as a client would send it (Bearer token, Idempotency-Key). Rejects on a network error. */
export function postBid(opts: {
  agent: Agent;
  port: number;
  auctionId: string;
  token: string;
  amountFen: number;
  key: string;
}): Promise<BidAnswer> {
  const payload = JSON.stringify({ amountFen: opts.amountFen });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: opts.agent,
        host: '127.0.0.1',
        port: opts.port,
        method: 'POST',
        path: `/api/trading/auctions/${opts.auctionId}/bids`,
        headers: {
          authorization: `Bearer ${opts.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'idempotency-key': opts.key,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const isBidResult = (a: BidAnswer): a is { status: 201; body: BidResult } => a.status === 201;

export interface StoredBid {
  seq: number;
  amountFen: number;
  registrationId: string;
  bidderNumber: string;
  placedAt: Date;
  endsAtAfter: Date;
  extended: boolean;
}

/** The auction's stored bids in sequence order, straight from the table. */
export async function readStoredBids(
  run: (text: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>,
  auctionId: string,
): Promise<StoredBid[]> {
  const { rows } = await run(
    `SELECT seq, amount_fen, registration_id, bidder_number, placed_at, ends_at_after, extended FROM trade_bids WHERE auction_id = $1 ORDER BY seq`,
    [auctionId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    amountFen: Number(r.amount_fen),
    registrationId: String(r.registration_id),
    bidderNumber: String(r.bidder_number),
    placedAt: new Date(r.placed_at as string | Date),
    endsAtAfter: new Date(r.ends_at_after as string | Date),
    extended: Boolean(r.extended),
  }));
}

export interface BidCheck {
  /** Acknowledged (201) bids not found in the table with the same seq, amount and bidder. */
  lostBids: number;
  /** Pairs of consecutive stored bids whose amount did not rise. */
  notIncreasing: number;
  /** Sequence numbers not 1, 2, 3, … without gaps. */
  seqGaps: number;
  /** Stored bids whose recorded end disagrees with the soft-close rule replayed from the original end. */
  softCloseViolations: number;
  /** The end the soft-close rule gives after the last stored bid. */
  expectedEndsAt: Date;
}

/** Checks the stored bids against what the clients were told, and replays the soft-close rule over them. */
export function checkBids(
  stored: StoredBid[],
  acknowledged: Array<{ seq: number; amountFen: number; bidderNumber: string }>,
  originalEndsAt: Date,
  soft: { windowMs: number; extensionMs: number },
): BidCheck {
  const bySeq = new Map(stored.map((b) => [b.seq, b]));
  const lostBids = acknowledged.filter((a) => {
    const s = bySeq.get(a.seq);
    return !s || s.amountFen !== a.amountFen || s.bidderNumber !== a.bidderNumber;
  }).length;
  let notIncreasing = 0;
  let seqGaps = 0;
  let softCloseViolations = 0;
  let endsAt = originalEndsAt.getTime();
  stored.forEach((b, i) => {
    if (b.seq !== i + 1) seqGaps++;
    if (i > 0 && b.amountFen <= stored[i - 1]!.amountFen) notIncreasing++;
    const at = b.placedAt.getTime();
    const next = at >= endsAt - soft.windowMs ? Math.max(endsAt, at + soft.extensionMs) : endsAt;
    if (b.endsAtAfter.getTime() !== next || b.extended !== next > endsAt) softCloseViolations++;
    endsAt = next;
  });
  return { lostBids, notIncreasing, seqGaps, softCloseViolations, expectedEndsAt: new Date(endsAt) };
}
