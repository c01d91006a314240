import { describe, expect, it } from 'vitest';
import {
  checkAuctionTerms,
  decideBid,
  decideClose,
  depositAfterClose,
  depositFor,
  mayCancel,
  minimumBid,
  phaseOf,
  winnerDepositAfter,
  type AuctionState,
} from './auction-rules.js';
import { TRADING_PARAMETERS } from './parameters.js';

const MIN = 60_000;
const base: AuctionState = {
  status: 'scheduled',
  startsAt: 1000 * MIN,
  endsAt: 1060 * MIN,
  startingPriceFen: 100_000,
  incrementFen: 1_000,
  reservePriceFen: null,
  currentPriceFen: null,
  leader: null,
  bidCount: 0,
};
const withPrice = (p: number | null, extra: Partial<AuctionState> = {}): AuctionState => ({
  ...base,
  currentPriceFen: p,
  leader: p === null ? null : 'r1',
  bidCount: p === null ? 0 : 1,
  ...extra,
});

describe('phaseOf', () => {
  it.each([
    ['before the start', base, 999 * MIN, 'upcoming'],
    ['at the start', base, 1000 * MIN, 'live'],
    ['a moment before the end', base, 1060 * MIN - 1, 'live'],
    ['at the end', base, 1060 * MIN, 'ended'],
    ['sold, whatever the time', { ...base, status: 'sold' as const }, 1030 * MIN, 'sold'],
    ['cancelled before the start', { ...base, status: 'cancelled' as const }, 0, 'cancelled'],
  ])('%s', (_name, s, now, phase) => {
    expect(phaseOf(s, now)).toBe(phase);
  });
});

describe('decideBid', () => {
  it.each([
    ['the first bid at the starting price', withPrice(null), 100_000, 1030 * MIN, { ok: true }],
    ['the first bid below the starting price', withPrice(null), 99_999, 1030 * MIN, { ok: false, reason: 'too_low', minimumFen: 100_000 }],
    ['exactly the current price plus the increment', withPrice(150_000), 151_000, 1030 * MIN, { ok: true }],
    ['one fen short of it', withPrice(150_000), 150_999, 1030 * MIN, { ok: false, reason: 'too_low', minimumFen: 151_000 }],
    ['any amount above it', withPrice(150_000), 999_999, 1030 * MIN, { ok: true }],
    ['before bidding opens', withPrice(null), 100_000, 999 * MIN, { ok: false, reason: 'not_open' }],
    ['at the end', withPrice(150_000), 151_000, 1060 * MIN, { ok: false, reason: 'ended' }],
    ['after closing', withPrice(150_000, { status: 'sold' }), 151_000, 1030 * MIN, { ok: false, reason: 'closed' }],
  ])('%s', (_name, s, amountFen, at, expected) => {
    expect(decideBid(s, { bidder: 'r2', amountFen, at })).toMatchObject(expected);
  });

  const soft = { windowMs: 5 * MIN, extensionMs: 5 * MIN };
  it.each([
    ['outside the window: the end stays', 1054 * MIN, 1060 * MIN, false],
    ['exactly five minutes before the end: already there', 1055 * MIN, 1060 * MIN, false],
    ['inside the window: five minutes after the bid', 1057 * MIN, 1062 * MIN, true],
    ['in the last millisecond', 1060 * MIN - 1, 1065 * MIN - 1, true],
  ])('soft close, %s', (_name, at, endsAt, extended) => {
    const d = decideBid(withPrice(150_000), { bidder: 'r2', amountFen: 151_000, at }, soft);
    expect(d).toMatchObject({
      ok: true,
      extended,
      previousEndsAt: 1060 * MIN,
      next: { endsAt, currentPriceFen: 151_000, leader: 'r2', bidCount: 2 },
    });
  });

  it('never moves the end earlier, whatever the window and extension', () => {
    const d = decideBid(
      withPrice(150_000),
      { bidder: 'r2', amountFen: 151_000, at: 1058 * MIN },
      { windowMs: 10 * MIN, extensionMs: 1 * MIN },
    );
    expect(d).toMatchObject({ ok: true, extended: false, next: { endsAt: 1060 * MIN } });
  });
});

describe('decideClose', () => {
  it.each([
    ['not yet due', withPrice(150_000), 1059 * MIN, null],
    ['no bid', withPrice(null), 1060 * MIN, { status: 'failed', reason: 'no_bids' }],
    ['below the reserve', withPrice(150_000, { reservePriceFen: 150_001 }), 1060 * MIN, { status: 'failed', reason: 'below_reserve' }],
    ['at the reserve', withPrice(150_000, { reservePriceFen: 150_000 }), 1060 * MIN, { status: 'sold', winner: 'r1', priceFen: 150_000 }],
    ['no reserve', withPrice(150_000), 1061 * MIN, { status: 'sold', winner: 'r1', priceFen: 150_000 }],
    ['already closed', withPrice(150_000, { status: 'sold' }), 2000 * MIN, null],
  ])('%s', (_name, s, at, expected) => {
    const out = decideClose(s, at);
    if (expected === null) expect(out).toBeNull();
    else expect(out).toMatchObject(expected);
  });
});

describe('deposits', () => {
  it.each([
    ['confirmed, lost', 'confirmed', false, 'refund_due'],
    ['confirmed, won', 'confirmed', true, 'confirmed'],
    ['never paid', 'unpaid', false, 'unpaid'],
    ['already refunded', 'refunded', false, 'refunded'],
  ] as const)('after the close: %s', (_name, deposit, winner, expected) => {
    expect(depositAfterClose(deposit, winner)).toBe(expected);
  });

  it.each([
    ['the winner backs out', 'confirmed', 'withdrew', 'forfeited'],
    ['the winner pays', 'confirmed', 'paid', 'applied'],
    ['nothing held', 'unpaid', 'withdrew', 'unpaid'],
  ] as const)('%s', (_name, deposit, event, expected) => {
    expect(winnerDepositAfter(deposit, event)).toBe(expected);
  });

  it.each([
    [1_000_000, 5, 50_000],
    [1_000_000, 20, 200_000],
    [333, 10, 34], // rounded up to the fen
  ])('%i fen at %i%% is %i fen', (price, pct, deposit) => {
    expect(depositFor(price, pct)).toBe(deposit);
  });
});

describe('mayCancel and the terms an owner may set', () => {
  it('cancels only before bidding opens', () => {
    expect(mayCancel(base, 999 * MIN)).toBe(true);
    expect(mayCancel(base, 1000 * MIN)).toBe(false);
  });

  const now = 0;
  const ok = {
    startingPriceFen: 100_000,
    incrementFen: 1_000,
    reservePriceFen: null,
    depositPercent: 10,
    startsAt: TRADING_PARAMETERS.auctionAnnounceMs,
    endsAt: TRADING_PARAMETERS.auctionAnnounceMs + TRADING_PARAMETERS.minBiddingMs,
  };
  it.each([
    ['the shortest lawful terms', {}, []],
    ['bidding a moment too soon', { startsAt: TRADING_PARAMETERS.auctionAnnounceMs - 1 }, ['body.startsAt']],
    ['a deposit of 4%', { depositPercent: 4 }, ['body.depositPercent']],
    ['a deposit of 21%', { depositPercent: 21 }, ['body.depositPercent']],
    ['deposits of 5% and 20%', { depositPercent: 5 }, []],
    ['a window too short', { endsAt: ok.endsAt - 1 }, ['body.endsAt']],
    ['a reserve below the start', { reservePriceFen: 99_999 }, ['body.reservePriceFen']],
    ['an increment above the start', { incrementFen: 100_001 }, ['body.incrementFen']],
  ])('%s', (_name, change, fields) => {
    expect(checkAuctionTerms({ ...ok, ...change }, now).map((e) => e.field)).toEqual(fields);
  });

  it('minimumBid starts at the starting price', () => {
    expect(minimumBid(base)).toBe(100_000);
    expect(minimumBid(withPrice(100_000))).toBe(101_000);
  });
});
