import { describe, expect, it } from 'vitest';
import type { AchievementView } from '../../common/api/catalog.js';
import type { AuctionSnapshot, AuctionView, DealView, MyTradingView, RegistrationView, StaffDeskView } from '../../common/api/trading.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { clock } from '../../server/lib/clock.js';
import { closeAuction, closeDueAuctions } from '../../server/modules/trading/closing.js';
import { tradingJobs } from '../../server/modules/trading/jobs.js';
import { TRADING_PARAMETERS } from '../../server/modules/trading/parameters.js';
import { useTestApp } from '../harness.js';
import { accepted, advanceTo, auctionBody, bid, createAuction, fieldsOf, person, qualifiedBidder, seller } from './trading-fixtures.js';

/**
 * An auction (拍卖) from announcement to payment, as the owner, bidders, staff and the public meet it:
 * the announcement rule, registration, qualification and deposit, bidding on the server's clock,
 * soft close, closing, the deal and the deposits. The reserve price is a number that must never
 * appear in anything anyone receives.
 */
const t = useTestApp();
const RESERVE = 1_234_567;
const SOFT = TRADING_PARAMETERS.softCloseExtensionMs;

describe('an auction from announcement to payment', () => {
  it('runs: register, qualify, deposit, bid, soft close, close, deal, refunds, payment', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const bodies: string[] = [];
    const keep = <T extends { body: string }>(r: T) => (bodies.push(r.body), r);

    // Announcement rules: ≥ 7 days ahead, deposit 5–20 %.
    const early = await s.session.inject({
      method: 'POST',
      url: '/api/trading/auctions',
      payload: auctionBody(s.achievementId, { startsAt: new Date(clock.now().getTime() + 86400_000).toISOString() }),
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toContain('body.startsAt');
    const deposit = await s.session.inject({
      method: 'POST',
      url: '/api/trading/auctions',
      payload: auctionBody(s.achievementId, { depositPercent: 25 }),
    });
    expect(fieldsOf(deposit)).toEqual(['body.depositPercent']);

    const auction = await createAuction(s, { reservePriceFen: RESERVE });
    bodies.push(JSON.stringify(auction));
    expect(auction).toMatchObject({
      status: 'upcoming',
      hasReserve: true,
      depositFen: 100_000,
      minimumBidFen: 1_000_000,
      currentPriceFen: null,
    });
    expect(auction.actions).toContain('cancel');
    // The achievement is now in trade: a second route for it is refused.
    const again = await s.session.inject({ method: 'POST', url: '/api/trading/auctions', payload: auctionBody(s.achievementId) });
    expect(again.statusCode).toBe(409);

    const a = await qualifiedBidder(t, auction, staff);
    const b = await qualifiedBidder(t, auction, staff);
    expect(a.registration).toMatchObject({ status: 'qualified', depositStatus: 'confirmed', eligible: true });
    expect(a.registration.bidderNumber).toMatch(/^\d{4,6}$/);
    expect(a.registration.bidderNumber).not.toBe(b.registration.bidderNumber);

    // Not before bidding opens.
    const tooEarly = keep(await bid(a, auction.id, 1_000_000));
    expect(tooEarly.statusCode).toBe(409);
    expect(fieldsOf(tooEarly)).toEqual(['body.amountFen']);

    advanceTo(auction.startsAt);
    const low = keep(await bid(a, auction.id, 999_999));
    expect(low.statusCode).toBe(409);
    expect(low.json().detail).toContain('1000000');
    const first = accepted(keep(await bid(a, auction.id, 1_000_000)));
    expect(first.bid).toMatchObject({ seq: 1, amountFen: 1_000_000, bidderNumber: a.registration.bidderNumber, extended: false });
    expect(first.state).toMatchObject({
      status: 'live',
      currentPriceFen: 1_000_000,
      leaderNumber: a.registration.bidderNumber,
      minimumBidFen: 1_010_000,
    });
    // The current price plus the increment, no less.
    expect(keep(await bid(b, auction.id, 1_009_999)).statusCode).toBe(409);
    accepted(keep(await bid(b, auction.id, 1_100_000)));

    // Soft close: a bid in the last five minutes moves the end to five minutes after it.
    advanceTo(new Date(new Date(auction.endsAt).getTime() - 2 * 60_000));
    const late = accepted(keep(await bid(a, auction.id, 1_300_000)));
    expect(late.bid.extended).toBe(true);
    expect(new Date(late.state.endsAt).getTime()).toBe(new Date(late.bid.placedAt).getTime() + SOFT);
    expect(late.state.originalEndsAt).toBe(auction.endsAt);

    // The public sees numbers, never organisations, and never the reserve.
    const publicView = keep(await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` }));
    const seen = publicView.json() as AuctionView;
    expect(seen).toMatchObject({ status: 'live', currentPriceFen: 1_300_000, leaderNumber: a.registration.bidderNumber, bidCount: 3 });
    expect(publicView.body).not.toContain(a.user.organizationId!);
    const live = keep(await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/live` })).json() as AuctionSnapshot;
    expect(live.history.map((h) => h.amountFen)).toEqual([1_300_000, 1_100_000, 1_000_000]);

    // Past the (extended) end: bids are refused; the scheduler closes it.
    advanceTo(new Date(new Date(late.state.endsAt).getTime() + 1000));
    expect(keep(await bid(b, auction.id, 2_000_000)).statusCode).toBe(409);
    expect(await closeDueAuctions({ db: t.db })).toBe(1);
    expect(await closeDueAuctions({ db: t.db })).toBe(0); // idempotent

    const closed = keep(await a.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(closed).toMatchObject({ status: 'sold', finalPriceFen: 1_300_000, winnerNumber: a.registration.bidderNumber });
    expect(closed.myRegistration).toMatchObject({ isWinner: true, depositStatus: 'confirmed' });
    const loser = keep(await b.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(loser.myRegistration).toMatchObject({ isWinner: false, depositStatus: 'refund_due' });

    const deal = keep(await a.session.inject({ method: 'GET', url: `/api/trading/deals/${closed.dealId}` })).json() as DealView;
    expect(deal).toMatchObject({
      route: 'auction',
      status: 'pending_payment',
      priceFen: 1_300_000,
      depositAppliedFen: 100_000,
      amountDueFen: 1_200_000,
    });
    expect(deal.buyer.id).toBe(a.user.organizationId);
    expect(deal.seller.id).toBe(s.user.organizationId);
    expect(deal.actions).toEqual(['withdraw', 'dossier']);
    expect(((await s.session.inject({ method: 'GET', url: `/api/trading/deals/${deal.id}` })).json() as DealView).actions).toEqual([
      'dossier',
      'apply_contract',
    ]);
    expect(((await t.app.inject({ method: 'GET', url: `/api/trading/deals/${deal.id}` })).json() as DealView).actions).toEqual([]);

    // Staff: the refund is due, the payment too.
    const desk = keep(await staff.session.inject({ method: 'GET', url: '/api/trading/staff/desk' })).json() as StaffDeskView;
    expect(desk.refundsDue.map((r) => r.id)).toContain(b.registration.id);
    expect(desk.paymentsDue.map((d) => d.id)).toContain(deal.id);
    const refund = keep(
      await staff.session.inject({
        method: 'POST',
        url: `/api/trading/registrations/${b.registration.id}/refund`,
        payload: { reference: 'REFUND-1' },
      }),
    );
    expect((refund.json() as RegistrationView).depositStatus).toBe('refunded');
    const wrongAmount = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/deals/${deal.id}/payment`,
      payload: { reference: 'PAY-1', amountFen: 1_300_000 },
    });
    expect(fieldsOf(wrongAmount)).toEqual(['body.amountFen']);
    const paid = keep(
      await staff.session.inject({
        method: 'POST',
        url: `/api/trading/deals/${deal.id}/payment`,
        payload: { reference: 'PAY-1', amountFen: 1_200_000 },
      }),
    );
    expect((paid.json() as DealView).status).toBe('completed');
    const achievement = (await s.session.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json() as AchievementView;
    expect(achievement.status).toBe('transferred');
    const mine = keep(await a.session.inject({ method: 'GET', url: '/api/trading/mine' })).json() as MyTradingView;
    expect(mine.registrations.find((r) => r.id === a.registration.id)).toMatchObject({ depositStatus: 'applied', isWinner: true });
    keep(await s.session.inject({ method: 'GET', url: '/api/trading/mine' }));
    keep(await staff.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/registrations` }));
    keep(await t.app.inject({ method: 'GET', url: '/api/trading/hall' }));
    keep(await t.app.inject({ method: 'GET', url: `/api/trading/auctions?status=sold` }));
    const dossier = await a.session.inject({ method: 'GET', url: `/api/trading/deals/${deal.id}/dossier.pdf` });
    expect(dossier.statusCode).toBe(200);
    expect(dossier.headers['content-type']).toBe('application/pdf');
    bodies.push(dossier.rawPayload.toString('latin1'));

    for (const body of bodies) {
      expect(body).not.toContain(String(RESERVE));
      expect(body).not.toMatch(/reservePrice/);
    }
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('fails below the reserve and with no bid, and returns the achievement to the catalogue', async () => {
    const staff = await person(t, 'platform_admin');
    const s1 = await seller(t);
    const s2 = await seller(t);
    const withReserve = await createAuction(s1, { reservePriceFen: RESERVE });
    const noBids = await createAuction(s2);
    const a = await qualifiedBidder(t, withReserve, staff);
    advanceTo(withReserve.startsAt);
    accepted(await bid(a, withReserve.id, 1_200_000)); // below the reserve
    advanceTo(new Date(new Date(noBids.endsAt).getTime() + 60 * 60_000));
    await closeDueAuctions({ db: t.db });
    const failed = (await a.session.inject({ method: 'GET', url: `/api/trading/auctions/${withReserve.id}` })).json() as AuctionView;
    expect(failed).toMatchObject({ status: 'failed', finalPriceFen: null, winnerNumber: null, dealId: null });
    expect(failed.myRegistration?.depositStatus).toBe('refund_due');
    expect(JSON.stringify(failed)).not.toContain(String(RESERVE));
    expect(((await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${noBids.id}` })).json() as AuctionView).status).toBe(
      'failed',
    );
    for (const s of [s1, s2]) {
      expect(
        ((await s.session.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json() as AchievementView).status,
      ).toBe('published');
    }
  });

  it('lets a winner back out, forfeiting the deposit', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const auction = await createAuction(s);
    const a = await qualifiedBidder(t, auction, staff);
    const b = await qualifiedBidder(t, auction, staff);
    advanceTo(auction.startsAt);
    accepted(await bid(a, auction.id, 1_000_000));
    accepted(await bid(b, auction.id, 1_010_000));
    advanceTo(new Date(new Date(auction.endsAt).getTime() + SOFT + 1000));
    await closeDueAuctions({ db: t.db });
    const sold = (await b.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    // Only the buyer may back out; the seller may not do it for them.
    expect(
      (await s.session.inject({ method: 'POST', url: `/api/trading/deals/${sold.dealId}/withdraw`, payload: { reason: '卖方代撤' } }))
        .statusCode,
    ).toBe(403);
    const out = await b.session.inject({
      method: 'POST',
      url: `/api/trading/deals/${sold.dealId}/withdraw`,
      payload: { reason: '资金未能到位' },
    });
    expect(out.statusCode, out.body).toBe(200);
    expect((out.json() as DealView).status).toBe('cancelled');
    const after = (await b.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(after.status).toBe('defaulted');
    expect(after.myRegistration).toMatchObject({ isWinner: true, depositStatus: 'forfeited' });
    const other = (await a.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(other.myRegistration?.depositStatus).toBe('refund_due');
    expect(
      ((await s.session.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json() as AchievementView).status,
    ).toBe('published');
    // A forfeited deposit is not refunded.
    const refund = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${b.registration.id}/refund`,
      payload: { reference: 'R-2' },
    });
    expect(refund.statusCode).toBe(409);
  });

  it('lets the owner cancel only before bidding opens', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const other = await seller(t);
    const auction = await createAuction(s);
    const a = await qualifiedBidder(t, auction, staff);
    expect(
      (await other.session.inject({ method: 'POST', url: `/api/trading/auctions/${auction.id}/cancel`, payload: { reason: '不是我的' } }))
        .statusCode,
    ).toBe(403);
    const ok = await s.session.inject({
      method: 'POST',
      url: `/api/trading/auctions/${auction.id}/cancel`,
      payload: { reason: '需补充材料' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as AuctionView).status).toBe('cancelled');
    const mine = (await a.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(mine.myRegistration?.depositStatus).toBe('refund_due');

    const second = await seller(t);
    const running = await createAuction(second);
    advanceTo(running.startsAt);
    const late = await second.session.inject({
      method: 'POST',
      url: `/api/trading/auctions/${running.id}/cancel`,
      payload: { reason: '太迟了' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('closes once however many closers race, and the scheduler jobs settle what is due', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const auction = await createAuction(s);
    const a = await qualifiedBidder(t, auction, staff);
    advanceTo(auction.startsAt);
    accepted(await bid(a, auction.id, 1_000_000));
    advanceTo(new Date(new Date(auction.endsAt).getTime() + 1000));
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => closeAuction({ db: t.db, auctionId: auction.id })));
    expect(outcomes.filter((o) => o === 'sold')).toHaveLength(1);
    expect(outcomes.filter((o) => o === null)).toHaveLength(3);
    const deals = (await t.app.inject({ method: 'GET', url: '/api/trading/deals?route=auction&limit=200' })).json() as {
      items: DealView[];
    };
    expect(deals.items.filter((d) => d.auctionId === auction.id)).toHaveLength(1);
    const ctx = { db: t.db } as Parameters<(typeof tradingJobs)[number]['run']>[0];
    for (const job of tradingJobs) {
      expect(await job.run(ctx)).toMatch(/^(closed|ended|concluded|pruned) \d+ /);
      expect(await job.run(ctx)).toMatch(/ 0 /); // nothing left the second time
    }
  });
});
