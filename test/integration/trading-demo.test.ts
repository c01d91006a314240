import { beforeAll, describe, expect, it } from 'vitest';
import type { AuctionView, DealView, HallView, NoticeView } from '../../common/api/trading.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/seed/demo.js';
import { verifyAuditChain } from '../../server/lib/audit.js';
import { loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

/** The demo trading hall as a visitor and the demo enterprise meet it. */
const t = useTestApp();

beforeAll(async () => {
  if (!t.app) return;
  expect(await seedDemo(t.db)).toBe(true);
}, 180_000);

describe('demo trading', () => {
  it('fills the hall: listings, an upcoming and a live auction, a notice under way, a finished deal', async () => {
    const hall = (await t.app.inject({ method: 'GET', url: '/api/trading/hall' })).json() as HallView;
    expect(hall.listings.length).toBe(2);
    expect(hall.upcomingAuctions.length).toBe(1);
    expect(hall.liveAuctions.length).toBe(1);
    expect(hall.notices.length).toBe(1);
    // The agreement's completed deal, and the export-control demo's licence to a US buyer (held, awaiting payment).
    expect(hall.recentDeals.length).toBe(2);
    for (const x of [...hall.listings, ...hall.liveAuctions, ...hall.notices]) expect(x.seller.name).toBe('津沽大学');
    const notice = hall.notices[0] as NoticeView;
    expect(notice.openObjections).toBe(1);
    const deal = hall.recentDeals.find((d) => d.route === 'agreement') as DealView;
    expect(deal).toMatchObject({ route: 'agreement', status: 'completed' });
    expect(hall.liveAuctions[0]).toMatchObject({ bidCount: 2, currentPriceFen: 21_000_000, minimumBidFen: 21_500_000 });
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  it('lets the demo enterprise bid in the live auction at once', async () => {
    const ent = await loginAs(t.app, { email: 'enterprise@jinqiao.demo', password: DEMO_PASSWORD });
    const hall = (await ent.inject({ method: 'GET', url: '/api/trading/hall' })).json() as HallView;
    const live = hall.liveAuctions[0] as AuctionView;
    expect(live.actions).toContain('bid');
    const res = await ent.inject({
      method: 'POST',
      url: `/api/trading/auctions/${live.id}/bids`,
      payload: { amountFen: live.minimumBidFen },
    });
    expect(res.statusCode, res.body).toBe(201);
    const univ = await loginAs(t.app, { email: 'orgadmin@jinqiao.demo', password: DEMO_PASSWORD });
    const mine = (await univ.inject({ method: 'GET', url: '/api/trading/mine' })).json() as {
      objectionsToAnswer: unknown[];
      auctions: unknown[];
    };
    expect(mine.objectionsToAnswer).toHaveLength(1);
    expect(mine.auctions).toHaveLength(2);
  });
});
