import { describe, expect, it } from 'vitest';
import type { AuctionSnapshot, AuctionView, BidPage, BidResult, RegistrationView } from '../../common/api/trading.js';
import { useTestApp } from '../harness.js';
import { accepted, advanceTo, bid, createAuction, fieldsOf, person, qualifiedBidder, seller } from './trading-fixtures.js';
import { BIDDER_TERMS } from '../../server/modules/trading/bidder-terms.js';

/**
 * The bid path: who may bid, idempotent retries, and many bids at once — serialised by the database,
 * none lost, none invented, amounts strictly increasing in acceptance order.
 */
const t = useTestApp();

async function liveAuction(bidders: number) {
  const staff = await person(t, 'platform_admin');
  const s = await seller(t);
  const auction = await createAuction(s);
  const people = [];
  for (let i = 0; i < bidders; i++) people.push(await qualifiedBidder(t, auction, staff));
  advanceTo(auction.startsAt);
  return { staff, seller: s, auction, bidders: people };
}

describe('who may bid', () => {
  it('only a qualified bidder with a confirmed deposit, never the seller', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const auction = await createAuction(s);
    const outsider = await person(t, 'org_member');
    const registered = await person(t, 'org_member');
    const reg = await registered.session.inject({
      method: 'POST',
      url: `/api/trading/auctions/${auction.id}/registrations`,
      payload: { qualification: '具备受让和实施该技术的能力。', acceptedTermsVersion: BIDDER_TERMS.version },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const regId = (reg.json() as RegistrationView).id;
    // The seller's own organisation cannot register (shill bidding).
    const self = await s.session.inject({
      method: 'POST',
      url: `/api/trading/auctions/${auction.id}/registrations`,
      payload: { qualification: '本单位自己参与竞买。', acceptedTermsVersion: BIDDER_TERMS.version },
    });
    expect(self.statusCode).toBe(403);
    const twice = await registered.session.inject({
      method: 'POST',
      url: `/api/trading/auctions/${auction.id}/registrations`,
      payload: { qualification: '再次登记参与竞买，具备受让能力。', acceptedTermsVersion: BIDDER_TERMS.version },
    });
    expect(twice.statusCode).toBe(409);
    advanceTo(auction.startsAt);
    expect((await bid(outsider, auction.id, 1_000_000)).statusCode).toBe(403);
    expect((await bid(registered, auction.id, 1_000_000)).json().detail).toMatch(/not been qualified/);
    await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${regId}/qualification`,
      payload: { decision: 'qualified' },
    });
    expect((await bid(registered, auction.id, 1_000_000)).json().detail).toMatch(/deposit/);
    // A short deposit is refused, naming the field.
    const short = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${regId}/deposit`,
      payload: { reference: 'B-1', amountFen: 99_999 },
    });
    expect(fieldsOf(short)).toEqual(['body.amountFen']);
    // Only staff confirm deposits.
    expect(
      (
        await registered.session.inject({
          method: 'POST',
          url: `/api/trading/registrations/${regId}/deposit`,
          payload: { reference: 'B-1', amountFen: 100_000 },
        })
      ).statusCode,
    ).toBe(403);
    await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${regId}/deposit`,
      payload: { reference: 'B-1', amountFen: 100_000 },
    });
    accepted(await bid(registered, auction.id, 1_000_000));
    // Bids are binding: no withdrawal, no rejection after bidding.
    expect((await registered.session.inject({ method: 'POST', url: `/api/trading/registrations/${regId}/withdraw` })).statusCode).toBe(409);
    const reject = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${regId}/qualification`,
      payload: { decision: 'rejected', reason: '资格不符' },
    });
    expect(reject.statusCode).toBe(409);
  });

  it('a withdrawn or rejected bidder cannot bid, and its deposit is marked for refund', async () => {
    const { staff, auction, bidders } = await liveAuction(2);
    const [a, b] = bidders as [(typeof bidders)[0], (typeof bidders)[0]];
    const out = await a.session.inject({ method: 'POST', url: `/api/trading/registrations/${a.registration.id}/withdraw` });
    expect(out.json() as RegistrationView).toMatchObject({ status: 'withdrawn', depositStatus: 'refund_due' });
    expect((await bid(a, auction.id, 1_000_000)).statusCode).toBe(403);
    const rejected = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${b.registration.id}/qualification`,
      payload: { decision: 'rejected', reason: '资格材料不实' },
    });
    expect(rejected.json() as RegistrationView).toMatchObject({ status: 'rejected', depositStatus: 'refund_due' });
    expect((await bid(b, auction.id, 1_000_000)).statusCode).toBe(403);
    const missingReason = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${b.registration.id}/qualification`,
      payload: { decision: 'rejected' },
    });
    expect(fieldsOf(missingReason)).toEqual(['body.reason']);
  });
});

describe('a retry with the same Idempotency-Key', () => {
  it('gets the original answer and records the bid once', async () => {
    const { auction, bidders } = await liveAuction(1);
    const [a] = bidders as [(typeof bidders)[0]];
    const first = accepted(await bid(a, auction.id, 1_000_000, 'retry-1'));
    const retry = accepted(await bid(a, auction.id, 1_000_000, 'retry-1'));
    expect(retry).toEqual({ ...first, replayed: true });
    const history = (await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/bids` })).json() as BidPage;
    expect(history.total).toBe(1);
    // Another request under the same key is refused, naming the header.
    const other = await bid(a, auction.id, 1_500_000, 'retry-1');
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other)).toEqual(['headers.idempotency-key']);
    // A refusal that stays a refusal (too low) is decided afresh and refused again.
    const low = await bid(a, auction.id, 1_005_000, 'retry-2');
    expect(low.statusCode).toBe(409);
    expect((await bid(a, auction.id, 1_005_000, 'retry-2')).statusCode).toBe(409);
    // The key is the caller's own: another user may use the same string.
    const long = await bid(a, auction.id, 1_010_000, 'k'.repeat(101));
    expect(fieldsOf(long)).toEqual(['headers.idempotency-key']);
  });

  it('keeps a refusal that time could turn: the retry gets it even once bidding has opened', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const auction = await createAuction(s);
    const a = await qualifiedBidder(t, auction, staff);
    const early = await bid(a, auction.id, 1_000_000, 'early-1');
    expect(early.statusCode).toBe(409);
    advanceTo(auction.startsAt);
    const retry = await bid(a, auction.id, 1_000_000, 'early-1');
    expect(retry.statusCode).toBe(409);
    expect(retry.json().detail).toBe(early.json().detail);
    accepted(await bid(a, auction.id, 1_000_000, 'early-2'));
  });

  it('answers concurrent duplicates with one bid', async () => {
    const { auction, bidders } = await liveAuction(1);
    const [a] = bidders as [(typeof bidders)[0]];
    const results = await Promise.all(Array.from({ length: 8 }, () => bid(a, auction.id, 1_000_000, 'dup')));
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json() as BidResult);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of ok) expect(r.bid.seq).toBe(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(r.statusCode).toBe(409);
    const live = (await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/live` })).json() as AuctionSnapshot;
    expect(live.bidCount).toBe(1);
  });
});

describe('many bids at once', () => {
  it('are serialised: acknowledged bids all present, amounts strictly increasing, none invented', async () => {
    const { auction, bidders } = await liveAuction(6);
    const inc = auction.incrementFen;
    // Each bidder fires a burst at amounts that collide with the others'.
    const attempts = bidders.flatMap((p, i) =>
      Array.from({ length: 12 }, (_, k) => ({ p, amount: auction.startingPriceFen + inc * (k * 2 + (i % 3)) })),
    );
    const responses = await Promise.all(attempts.map(({ p, amount }, n) => bid(p, auction.id, amount, `storm-${n}`)));
    const acks = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as BidResult);
    for (const r of responses) expect([201, 409]).toContain(r.statusCode);
    expect(acks.length).toBeGreaterThan(1);

    const history = (await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/bids?limit=500` })).json() as BidPage;
    const bySeq = [...history.items].sort((x, y) => x.seq - y.seq);
    expect(bySeq.map((b) => b.seq)).toEqual(bySeq.map((_, i) => i + 1));
    for (let i = 1; i < bySeq.length; i++) expect(bySeq[i]!.amountFen).toBeGreaterThanOrEqual(bySeq[i - 1]!.amountFen + inc);
    expect(bySeq).toHaveLength(acks.length);
    for (const ack of acks) expect(bySeq[ack.bid.seq - 1]).toEqual(ack.bid);
    const final = (await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(final.currentPriceFen).toBe(Math.max(...acks.map((a) => a.bid.amountFen)));
    expect(final.bidCount).toBe(acks.length);
  });
});
