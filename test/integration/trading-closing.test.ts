import { describe, expect, it } from 'vitest';
import type { AuctionView, HallView, ListingView, NoticeView } from '../../common/api/trading.js';
import { clock } from '../../server/lib/clock.js';
import { runDueJob, type JobContext } from '../../server/lib/scheduler.js';
import { closeAuctionsJob, concludeNoticesJob, endListingsJob } from '../../server/modules/trading/jobs.js';
import { useTestApp } from '../harness.js';
import { accepted, advanceTo, bid, createAuction, person, qualifiedBidder, seller } from './trading-fixtures.js';

/**
 * Time running out with nobody watching: an auction past its end reads as ended by the server's
 * clock at once, and the scheduled closing jobs settle the auction, the listing and the notice —
 * each job once per period however many server processes poll it.
 */
const t = useTestApp();
const CLOSING_JOBS = [closeAuctionsJob, endListingsJob, concludeNoticesJob];

describe('closing what is due', () => {
  it('shows a due auction as ended, then the jobs settle auction, listing and notice once per period', async () => {
    const staff = await person(t, 'platform_admin');
    const s1 = await seller(t);
    const auction = await createAuction(s1);
    const a = await qualifiedBidder(t, auction, staff);
    const s2 = await seller(t);
    const listed = await s2.session.inject({
      method: 'POST',
      url: '/api/trading/listings',
      payload: { achievementId: s2.achievementId, basePriceFen: 500_000, transferMode: 'transfer', listingDays: 10 },
    });
    expect(listed.statusCode, listed.body).toBe(201);
    const listing = listed.json() as ListingView;
    const s3 = await seller(t);
    const buyer = await person(t, 'org_member');
    const posted = await s3.session.inject({
      method: 'POST',
      url: '/api/trading/notices',
      payload: {
        achievementId: s3.achievementId,
        buyerOrganizationId: buyer.user.organizationId,
        priceFen: 500_000,
        transferMode: 'transfer',
        summary: '拟以协议定价方式转让，现予公示。',
        relatedParty: false,
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const notice = posted.json() as NoticeView;

    advanceTo(auction.startsAt);
    accepted(await bid(a, auction.id, 1_000_000));
    const end = Math.max(...[auction.endsAt, listing.endsAt, notice.endsAt].map((d) => new Date(d).getTime()));
    advanceTo(new Date(end + 1000));

    // Before any job has run, the server's clock already says the auction is over.
    const due = (await a.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(due).toMatchObject({ status: 'ended', currentPriceFen: 1_000_000, dealId: null });
    expect(due.actions).toEqual([]);
    const hall = (await t.app.inject({ method: 'GET', url: '/api/trading/hall' })).json() as HallView;
    expect(hall.liveAuctions.map((x) => x.id)).not.toContain(auction.id);
    const ended = (await t.app.inject({ method: 'GET', url: '/api/trading/auctions?status=ended' })).json() as { items: AuctionView[] };
    expect(ended.items.map((x) => x.id)).toContain(auction.id);
    expect((await bid(a, auction.id, 1_100_000)).statusCode).toBe(409);

    // Two processes poll at the same moment: each job runs in one of them only.
    const ctx = { db: t.db } as JobContext;
    const polls = await Promise.all(CLOSING_JOBS.map((job) => Promise.all([runDueJob(ctx, job), runDueJob(ctx, job)])));
    for (const pair of polls) expect(pair.filter((r) => r === null)).toHaveLength(1);
    expect(polls.map((pair) => pair.find((r) => r !== null))).toEqual([
      'closed 1 auction(s)',
      'ended 1 listing(s)',
      'concluded 1 notice(s)',
    ]);

    const closed = (await a.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}` })).json() as AuctionView;
    expect(closed).toMatchObject({ status: 'sold', finalPriceFen: 1_000_000 });
    expect(closed.dealId).toBeTruthy();
    expect(((await s2.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView).status).toBe(
      'lapsed',
    );
    const concluded = (await s3.session.inject({ method: 'GET', url: `/api/trading/notices/${notice.id}` })).json() as NoticeView;
    expect(concluded.status).toBe('concluded');
    expect(concluded.dealId).toBeTruthy();

    // A period later they run again (every few seconds: what is due closes at most that late), finding nothing.
    for (const job of CLOSING_JOBS) expect(job.everyMs).toBeLessThanOrEqual(5_000);
    clock.advance(Math.max(...CLOSING_JOBS.map((job) => job.everyMs)));
    expect(await Promise.all(CLOSING_JOBS.map((job) => runDueJob(ctx, job)))).toEqual([
      'closed 0 auction(s)',
      'ended 0 listing(s)',
      'concluded 0 notice(s)',
    ]);
  });
});
