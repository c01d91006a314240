import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DepositStatus } from '../../../common/api/trading.js';
import {
  decideBid,
  decideClose,
  depositAfterClose,
  phaseOf,
  winnerDepositAfter,
  type AuctionState,
  type SoftClose,
} from './auction-rules.js';

/**
 * Model-based test of the auction state machine: random interleavings of bids (eligible or not,
 * high or low, early or late), registration withdrawals, closes and a winner backing out, run
 * through the rules the services use (auction-rules.ts, composed as the services compose them)
 * and through a reference written the naive way — the list of accepted bids, from which price,
 * leader and end are recomputed each time. They must agree after every step.
 */
const MIN = 60_000;
const SOFT: SoftClose = { windowMs: 5 * MIN, extensionMs: 5 * MIN };
const BIDDERS = ['a', 'b', 'c', 'd'] as const;
type Bidder = (typeof BIDDERS)[number];
const START = 100 * MIN;
const END = 130 * MIN;
const STARTING = 1_000;
const INC = 10;

type Op =
  | { kind: 'wait'; ms: number }
  | { kind: 'bid'; bidder: Bidder; over: number }
  | { kind: 'lowball'; bidder: Bidder }
  | { kind: 'withdraw'; bidder: Bidder }
  | { kind: 'close' }
  | { kind: 'winnerBacksOut' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 12 * MIN }) }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('bid' as const), bidder: fc.constantFrom(...BIDDERS), over: fc.integer({ min: 0, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lowball' as const), bidder: fc.constantFrom(...BIDDERS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), bidder: fc.constantFrom(...BIDDERS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'winnerBacksOut' as const }) },
);

interface Registration {
  status: 'qualified' | 'withdrawn' | 'pending';
  deposit: DepositStatus;
  hasBid: boolean;
}

/** The system under test: the rules, with the bookkeeping the services do around them. */
class RulesAuction {
  state: AuctionState;
  regs: Record<Bidder, Registration>;
  winner: string | null = null;
  constructor(reserve: number | null, eligible: Record<Bidder, boolean>) {
    this.state = {
      status: 'scheduled',
      startsAt: START,
      endsAt: END,
      startingPriceFen: STARTING,
      incrementFen: INC,
      reservePriceFen: reserve,
      currentPriceFen: null,
      leader: null,
      bidCount: 0,
    };
    this.regs = Object.fromEntries(
      BIDDERS.map((b) => [
        b,
        { status: eligible[b] ? 'qualified' : 'pending', deposit: eligible[b] ? 'confirmed' : 'unpaid', hasBid: false },
      ]),
    ) as Record<Bidder, Registration>;
  }
  bid(bidder: Bidder, amountFen: number, at: number): boolean {
    const r = this.regs[bidder];
    if (r.status !== 'qualified' || r.deposit !== 'confirmed') return false;
    const d = decideBid(this.state, { bidder, amountFen, at }, SOFT);
    if (!d.ok) return false;
    this.state = d.next;
    r.hasBid = true;
    return true;
  }
  withdraw(bidder: Bidder, at: number): boolean {
    const r = this.regs[bidder];
    const phase = phaseOf(this.state, at);
    if ((phase !== 'upcoming' && phase !== 'live') || r.hasBid || r.status === 'withdrawn') return false;
    r.status = 'withdrawn';
    if (r.deposit === 'confirmed') r.deposit = 'refund_due';
    return true;
  }
  close(at: number) {
    const out = decideClose(this.state, at);
    if (!out) return;
    this.state = { ...this.state, status: out.status };
    this.winner = out.winner;
    for (const b of BIDDERS) this.regs[b].deposit = depositAfterClose(this.regs[b].deposit, b === out.winner);
  }
  winnerBacksOut() {
    if (this.state.status !== 'sold' || !this.winner) return;
    this.state = { ...this.state, status: 'defaulted' };
    const r = this.regs[this.winner as Bidder];
    r.deposit = winnerDepositAfter(r.deposit, 'withdrew');
  }
}

/** The reference: accepted bids as a list; everything else recomputed from it. */
class ReferenceAuction {
  bids: Array<{ bidder: Bidder; amount: number; at: number }> = [];
  withdrawn = new Set<Bidder>();
  outcome: 'sold' | 'failed' | 'defaulted' | null = null;
  constructor(
    readonly reserve: number | null,
    readonly eligible: Record<Bidder, boolean>,
  ) {}
  end(): number {
    let end = END;
    for (const b of this.bids) if (b.at >= end - 5 * MIN) end = Math.max(end, b.at + 5 * MIN);
    return end;
  }
  price() {
    return this.bids.at(-1)?.amount ?? null;
  }
  bid(bidder: Bidder, amount: number, at: number): boolean {
    if (this.outcome || at < START || at >= this.end() || !this.eligible[bidder] || this.withdrawn.has(bidder)) return false;
    const min = this.bids.length ? this.bids.at(-1)!.amount + INC : STARTING;
    if (amount < min) return false;
    this.bids.push({ bidder, amount, at });
    return true;
  }
  withdraw(bidder: Bidder, at: number): boolean {
    if (this.outcome || at >= this.end() || this.withdrawn.has(bidder) || this.bids.some((b) => b.bidder === bidder)) return false;
    this.withdrawn.add(bidder);
    return true;
  }
  close(at: number) {
    if (this.outcome || at < this.end()) return;
    const last = this.bids.at(-1);
    this.outcome = !last || (this.reserve !== null && last.amount < this.reserve) ? 'failed' : 'sold';
  }
  winner(): Bidder | null {
    return this.outcome === 'sold' || this.outcome === 'defaulted' ? this.bids.at(-1)!.bidder : null;
  }
  deposit(b: Bidder): DepositStatus {
    if (!this.eligible[b]) return 'unpaid';
    if (this.withdrawn.has(b)) return 'refund_due';
    if (!this.outcome) return 'confirmed';
    if (this.winner() === b) return this.outcome === 'defaulted' ? 'forfeited' : 'confirmed';
    return 'refund_due';
  }
}

describe('the auction state machine against a reference model', () => {
  it('agrees on every acceptance, the price, the leader, the end, the outcome and every deposit', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: STARTING, max: STARTING + 40 * INC }), { nil: null }),
        fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean(), d: fc.constant(true) }),
        fc.integer({ min: 0, max: 40 * MIN }),
        fc.array(opArb, { maxLength: 60 }),
        (reserve, eligible, t0, ops) => {
          const sut = new RulesAuction(reserve, eligible);
          const ref = new ReferenceAuction(reserve, eligible);
          let now = 80 * MIN + t0;
          for (const op of ops) {
            switch (op.kind) {
              case 'wait':
                now += op.ms;
                break;
              case 'bid': {
                const amount = (ref.price() === null ? STARTING : ref.price()! + INC) + op.over * 7;
                expect(sut.bid(op.bidder, amount, now)).toBe(ref.bid(op.bidder, amount, now));
                break;
              }
              case 'lowball': {
                const amount = (ref.price() ?? STARTING) - 1;
                expect(sut.bid(op.bidder, amount, now)).toBe(ref.bid(op.bidder, amount, now));
                break;
              }
              case 'withdraw':
                expect(sut.withdraw(op.bidder, now)).toBe(ref.withdraw(op.bidder, now));
                break;
              case 'close':
                sut.close(now);
                ref.close(now);
                break;
              case 'winnerBacksOut':
                sut.winnerBacksOut();
                if (ref.outcome === 'sold') ref.outcome = 'defaulted';
                break;
            }
            expect(sut.state.currentPriceFen).toBe(ref.price());
            expect(sut.state.leader).toBe(ref.bids.at(-1)?.bidder ?? null);
            expect(sut.state.bidCount).toBe(ref.bids.length);
            expect(sut.state.endsAt).toBe(ref.end());
            expect(sut.state.status).toBe(ref.outcome ?? 'scheduled');
            for (const b of BIDDERS) expect(sut.regs[b].deposit, b).toBe(ref.deposit(b));
          }
          // Amounts accepted strictly increase by at least the increment.
          for (let i = 1; i < ref.bids.length; i++) expect(ref.bids[i]!.amount).toBeGreaterThanOrEqual(ref.bids[i - 1]!.amount + INC);
        },
      ),
      { numRuns: 400 },
    );
  });
});
