import { describe, expect, it } from 'vitest';
import type { AchievementView } from '../../common/api/catalog.js';
import type { AuctionView, DealView, IntentView, ListingView, RegistrationView } from '../../common/api/trading.js';
import { endDueListings } from '../../server/modules/trading/closing.js';
import { TRADING_PARAMETERS } from '../../server/modules/trading/parameters.js';
import { createAchievement } from '../factories.js';
import { useTestApp } from '../harness.js';
import { advanceTo, fieldsOf, person, seller, type Person } from './trading-fixtures.js';

/**
 * A listing (挂牌) as its owner, buyers and staff meet it: intents with offers and qualification, and
 * the three endings — one qualified buyer (a deal), several (an auction among them), none (it lapses
 * and may be renewed).
 */
const t = useTestApp();

async function list(s: Awaited<ReturnType<typeof seller>>, extra: Record<string, unknown> = {}) {
  const res = await s.session.inject({
    method: 'POST',
    url: '/api/trading/listings',
    payload: { achievementId: s.achievementId, basePriceFen: 500_000, transferMode: 'transfer', listingDays: 10, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ListingView;
}

async function intent(p: Person, listingId: string, offerFen = 500_000) {
  const res = await p.session.inject({
    method: 'POST',
    url: `/api/trading/listings/${listingId}/intents`,
    payload: { offerFen, qualification: '我公司具备受让实施该技术的条件和资金。' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as IntentView;
}

async function qualify(staff: Person, intentId: string) {
  const res = await staff.session.inject({
    method: 'POST',
    url: `/api/trading/intents/${intentId}/qualification`,
    payload: { decision: 'qualified' },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const achievementStatus = async (s: Awaited<ReturnType<typeof seller>>) =>
  ((await s.session.inject({ method: 'GET', url: `/api/achievements/${s.achievementId}` })).json() as AchievementView).status;

describe('listing', () => {
  it('is for the owner of a published achievement, with lawful terms', async () => {
    const s = await seller(t);
    const other = await person(t, 'org_member');
    const draft = await createAchievement(t.db, { by: s.user });
    const body = { achievementId: s.achievementId, basePriceFen: 500_000, transferMode: 'transfer', listingDays: 10 };
    expect((await other.session.inject({ method: 'POST', url: '/api/trading/listings', payload: body })).statusCode).toBe(403);
    expect(
      (await s.session.inject({ method: 'POST', url: '/api/trading/listings', payload: { ...body, achievementId: draft.id } })).statusCode,
    ).toBe(409);
    expect(
      fieldsOf(
        await s.session.inject({
          method: 'POST',
          url: '/api/trading/listings',
          payload: { ...body, listingDays: TRADING_PARAMETERS.listingDays.min - 1 },
        }),
      ),
    ).toEqual(['body.listingDays']);
    expect(
      fieldsOf(await s.session.inject({ method: 'POST', url: '/api/trading/listings', payload: { ...body, transferMode: 'equity' } })),
    ).toEqual(['body.transferMode']);
    expect(
      fieldsOf(await s.session.inject({ method: 'POST', url: '/api/trading/listings', payload: { ...body, basePriceFen: 12.5 } })),
    ).toEqual(['body.basePriceFen']);
    const listing = await list(s);
    expect(listing).toMatchObject({ status: 'open', basePriceFen: 500_000, intentCount: 0, actions: ['withdraw'] });
    expect(await achievementStatus(s)).toBe('in_trade');
  });

  it('takes intents at or above the base price; staff qualify; staff and the owner see who', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const listing = await list(s);
    const buyer = await person(t, 'org_member');
    const low = await buyer.session.inject({
      method: 'POST',
      url: `/api/trading/listings/${listing.id}/intents`,
      payload: { offerFen: 499_999, qualification: '我公司具备受让实施该技术的条件。' },
    });
    expect(fieldsOf(low)).toEqual(['body.offerFen']);
    const own = await s.session.inject({
      method: 'POST',
      url: `/api/trading/listings/${listing.id}/intents`,
      payload: { offerFen: 500_000, qualification: '本单位自己登记受让意向。' },
    });
    expect(own.statusCode).toBe(403);
    const i = await intent(buyer, listing.id, 520_000);
    expect(i).toMatchObject({ status: 'pending', actions: ['withdraw'] });
    // Only staff qualify.
    expect(
      (await s.session.inject({ method: 'POST', url: `/api/trading/intents/${i.id}/qualification`, payload: { decision: 'qualified' } }))
        .statusCode,
    ).toBe(403);
    await qualify(staff, i.id);
    const seen = (await t.app.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(seen).toMatchObject({ intentCount: 1, qualifiedCount: 1, intents: null, myIntent: null });
    expect(JSON.stringify(seen)).not.toContain(buyer.user.organizationId!);
    // The owner sees who registered, the offer and the verdict — not the statement filed with the centre.
    const ownerView = (await s.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(ownerView.intents).toHaveLength(1);
    expect(ownerView.intents![0]).toMatchObject({
      id: i.id,
      status: 'qualified',
      offerFen: 520_000,
      buyer: { id: buyer.user.organizationId },
      qualification: null,
      actions: [],
    });
    expect(JSON.stringify(ownerView)).not.toContain('我公司具备受让实施该技术的条件和资金');
    const staffView = (await staff.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(staffView.intents?.[0]?.buyer?.id).toBe(buyer.user.organizationId);
    const buyerView = (await buyer.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(buyerView.myIntent).toMatchObject({ id: i.id, status: 'qualified' });
    expect(buyerView.actions).not.toContain('register_intent');
    // Another buyer cannot withdraw it (it is not theirs to see).
    const stranger = await person(t, 'org_member');
    expect((await stranger.session.inject({ method: 'POST', url: `/api/trading/intents/${i.id}/withdraw` })).statusCode).toBe(404);
  });

  it('ends with one qualified buyer in a deal at its offer', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const listing = await list(s);
    const buyer = await person(t, 'org_member');
    const unqualified = await person(t, 'org_member');
    await qualify(staff, (await intent(buyer, listing.id, 560_000)).id);
    const pending = await intent(unqualified, listing.id);
    advanceTo(new Date(new Date(listing.endsAt).getTime() - 1000));
    await endDueListings({ db: t.db });
    expect(((await s.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView).status).toBe(
      'open',
    );
    advanceTo(listing.endsAt);
    expect(await endDueListings({ db: t.db })).toBeGreaterThanOrEqual(1);
    expect(await endDueListings({ db: t.db })).toBe(0); // idempotent
    const ended = (await buyer.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(ended.status).toBe('sold');
    const deal = (await buyer.session.inject({ method: 'GET', url: `/api/trading/deals/${ended.dealId}` })).json() as DealView;
    expect(deal).toMatchObject({ route: 'listing', priceFen: 560_000, status: 'pending_payment', listingId: listing.id });
    expect(deal.buyer.id).toBe(buyer.user.organizationId);
    const late = (await unqualified.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(late.myIntent).toMatchObject({ id: pending.id, status: 'expired' });
    expect(await achievementStatus(s)).toBe('in_trade');
  });

  it('becomes an auction among several qualified buyers', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t);
    const listing = await list(s);
    const buyers = [await person(t, 'org_member'), await person(t, 'org_member'), await person(t, 'org_member')];
    for (const b of buyers.slice(0, 2)) await qualify(staff, (await intent(b, listing.id)).id);
    await intent(buyers[2]!, listing.id);
    advanceTo(listing.endsAt);
    await endDueListings({ db: t.db });
    const converted = (await s.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(converted.status).toBe('converted');
    const auction = (
      await buyers[0]!.session.inject({ method: 'GET', url: `/api/trading/auctions/${converted.auctionId}` })
    ).json() as AuctionView;
    expect(auction).toMatchObject({
      status: 'upcoming',
      listingId: listing.id,
      startingPriceFen: 500_000,
      qualifiedBidders: 2,
      hasReserve: false,
    });
    expect(new Date(auction.startsAt).getTime() - new Date(listing.endsAt).getTime()).toBeGreaterThanOrEqual(
      TRADING_PARAMETERS.auctionAnnounceMs,
    );
    expect(auction.myRegistration).toMatchObject({ status: 'qualified', depositStatus: 'unpaid', eligible: false });
    const third = (
      await buyers[2]!.session.inject({ method: 'GET', url: `/api/trading/auctions/${converted.auctionId}` })
    ).json() as AuctionView;
    expect(third.myRegistration).toBeNull();
    const regs = (await staff.session.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/registrations` })).json() as {
      items: RegistrationView[];
    };
    expect(regs.items.map((r) => r.bidder?.id).sort()).toEqual(
      buyers
        .slice(0, 2)
        .map((b) => b.user.organizationId)
        .sort(),
    );
  });

  it('lapses without a qualified buyer; the owner may renew; the owner may withdraw', async () => {
    const s = await seller(t);
    const listing = await list(s);
    const stranger = await seller(t);
    advanceTo(listing.endsAt);
    await endDueListings({ db: t.db });
    const lapsed = (await s.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(lapsed).toMatchObject({ status: 'lapsed', actions: ['renew'] });
    expect(await achievementStatus(s)).toBe('published');
    expect(
      (await stranger.session.inject({ method: 'POST', url: `/api/trading/listings/${listing.id}/renew`, payload: { listingDays: 10 } }))
        .statusCode,
    ).toBe(403);
    const renewed = await s.session.inject({
      method: 'POST',
      url: `/api/trading/listings/${listing.id}/renew`,
      payload: { listingDays: 15 },
    });
    expect(renewed.json()).toMatchObject({ status: 'open', renewals: 1, listingDays: 15 });
    expect(await achievementStatus(s)).toBe('in_trade');
    const buyer = await person(t, 'org_member');
    const i = await intent(buyer, listing.id);
    const out = await s.session.inject({
      method: 'POST',
      url: `/api/trading/listings/${listing.id}/withdraw`,
      payload: { reason: '转让计划调整' },
    });
    expect(out.json()).toMatchObject({ status: 'withdrawn', actions: [] });
    const mine = (await buyer.session.inject({ method: 'GET', url: `/api/trading/listings/${listing.id}` })).json() as ListingView;
    expect(mine.myIntent).toMatchObject({ id: i.id, status: 'withdrawn' });
    expect(await achievementStatus(s)).toBe('published');
    expect(
      (await s.session.inject({ method: 'POST', url: `/api/trading/listings/${listing.id}/withdraw`, payload: { reason: '再撤一次' } }))
        .statusCode,
    ).toBe(409);
  });
});
