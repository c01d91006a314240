// The bell follows the trade: each transition a bidder, seller or objector waits for puts an item
// in their GET /api/me/notifications, in Chinese, linked to the auction or notice.
import { describe, expect, it } from 'vitest';
import type { AuctionView, NoticeView, RegistrationView } from '../../common/api/trading.js';
import { loginAs, type LoggedIn } from '../factories.js';
import { closeAuction } from '../../server/modules/trading/closing.js';
import { TRADING_PARAMETERS } from '../../server/modules/trading/parameters.js';
import { isWorkingDay, localDateOf } from '../../server/lib/calendar.js';
import { BIDDER_TERMS, depositDueAt } from '../../server/modules/trading/bidder-terms.js';
import { useTestApp } from '../harness.js';
import { accepted, advanceTo, bid, createAuction, person, qualifiedBidder, seller, type Person } from './trading-fixtures.js';

const t = useTestApp();

interface Item {
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  needsAction: boolean;
}
const bell = async (s: LoggedIn) => ((await s.inject({ method: 'GET', url: '/api/me/notifications' })).json() as { items: Item[] }).items;
const kinds = async (p: Person) => (await bell(p.session)).map((n) => n.kind);

async function register(p: Person, auction: AuctionView) {
  const res = await p.session.inject({
    method: 'POST',
    url: `/api/trading/auctions/${auction.id}/registrations`,
    payload: { qualification: '具备受让和实施该技术的能力与资金。', acceptedTermsVersion: auction.bidderTerms.version },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as RegistrationView;
}

describe('trading notifications', () => {
  it('tells a bidder the registration was qualified or refused, and that the deposit arrived', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t, { title: '工业废水零排放处理工艺' });
    const auction = await createAuction(s);
    const good = await person(t, 'org_member');
    const bad = await person(t, 'org_member');
    const goodReg = await register(good, auction);
    const badReg = await register(bad, auction);
    expect(await kinds(good)).toEqual([]);

    await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${goodReg.id}/qualification`,
      payload: { decision: 'qualified' },
    });
    const refused = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${badReg.id}/qualification`,
      payload: { decision: 'rejected', reason: '未提供营业执照复印件' },
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await bell(good.session)).toEqual([
      expect.objectContaining({
        kind: 'registration_qualified',
        title: `竞买资格已审核通过：「工业废水零排放处理工艺」（竞买人编号 ${goodReg.bidderNumber}）`,
        link: `/trading/auctions/${auction.id}`,
      }),
    ]);
    expect(await bell(bad.session)).toEqual([
      expect.objectContaining({
        kind: 'registration_rejected',
        title: '竞买资格未通过：「工业废水零排放处理工艺」',
        body: '未提供营业执照复印件',
      }),
    ]);

    const paid = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/registrations/${goodReg.id}/deposit`,
      payload: { reference: 'BANK-0001', amountFen: auction.depositFen },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((await bell(good.session))[0]).toMatchObject({ kind: 'deposit_confirmed', body: expect.stringContaining('1,000.00 元') });
    // Staff acting are not told of their own decisions, and the seller hears nothing of bidders.
    expect(await kinds(staff)).toEqual([]);
    expect((await kinds(s)).filter((k) => /^(registration|deposit|auction)_/.test(k))).toEqual([]);
  });

  it('tells the leader it was outbid, the others that the auction was extended, and everyone whether they won', async () => {
    const staff = await person(t, 'platform_admin');
    const s = await seller(t, { title: '石墨烯导热膜连续化制备技术' });
    const auction = await createAuction(s);
    const a = await qualifiedBidder(t, auction, staff);
    const b = await qualifiedBidder(t, auction, staff);
    const c = await qualifiedBidder(t, auction, staff);
    const before = { a: (await bell(a.session)).length, b: (await bell(b.session)).length, c: (await bell(c.session)).length };

    advanceTo(auction.startsAt);
    accepted(await bid(a, auction.id, 1_000_000));
    expect((await bell(a.session)).length).toBe(before.a);
    accepted(await bid(b, auction.id, 1_010_000));
    expect((await bell(a.session))[0]).toMatchObject({ kind: 'auction_outbid', needsAction: true, body: '当前最高价 10,100.00 元。' });
    expect(await kinds(b)).not.toContain('auction_outbid');

    // A bid inside the soft-close window extends the auction: the other bidders are told.
    advanceTo(new Date(new Date(auction.endsAt).getTime() - TRADING_PARAMETERS.softCloseWindowMs + 60_000));
    for (const p of [a, b, c]) p.session = await loginAs(t.app, p.user);
    const late = accepted(await bid(a, auction.id, 1_020_000));
    expect(late.bid.extended).toBe(true);
    for (const p of [b, c]) expect(await kinds(p)).toContain('auction_extended');
    expect(await kinds(a)).not.toContain('auction_extended');
    expect(await kinds(b)).toContain('auction_outbid');

    advanceTo(new Date(new Date(late.state.endsAt).getTime() + 1000));
    for (const p of [a, b, c]) p.session = await loginAs(t.app, p.user);
    expect(await closeAuction({ db: t.db, auctionId: auction.id })).toBe('sold');
    expect((await bell(a.session))[0]).toMatchObject({
      kind: 'auction_won',
      title: '恭喜竞得：「石墨烯导热膜连续化制备技术」',
      needsAction: true,
    });
    for (const p of [b, c])
      expect((await bell(p.session))[0]).toMatchObject({ kind: 'auction_lost', title: '未竞得：「石墨烯导热膜连续化制备技术」' });
  });

  it('tells the seller an objection was filed, the objector it was answered, and both how it was resolved', async () => {
    const s = await seller(t, { title: '高精度光纤陀螺仪标定方法' });
    const buyer = await person(t, 'org_member');
    const objector = await person(t, 'expert');
    const official = await person(t, 'platform_admin');
    const posted = await s.session.inject({
      method: 'POST',
      url: '/api/trading/notices',
      payload: {
        achievementId: s.achievementId,
        buyerOrganizationId: buyer.user.organizationId,
        priceFen: 880_000,
        transferMode: 'transfer',
        summary: '经双方协商，拟以协议定价方式转让该成果，现予公示。',
        relatedParty: false,
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const notice = posted.json() as NoticeView;
    const filed = await objector.session.inject({
      method: 'POST',
      url: `/api/trading/notices/${notice.id}/objections`,
      payload: { grounds: '价格明显偏低于评估值，请说明理由。' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const objectionId = filed.json().id as string;
    expect((await bell(s.session))[0]).toMatchObject({ kind: 'objection_filed', link: `/trading/notices/${notice.id}`, needsAction: true });
    expect(await kinds(objector)).toEqual([]);

    await s.session.inject({
      method: 'POST',
      url: `/api/trading/objections/${objectionId}/answer`,
      payload: { answer: '定价依据评估报告并经集体决策。' },
    });
    expect((await bell(objector.session))[0]).toMatchObject({ kind: 'objection_answered', body: '定价依据评估报告并经集体决策。' });

    const resolved = await official.session.inject({
      method: 'POST',
      url: `/api/trading/objections/${objectionId}/resolution`,
      payload: { decision: 'dismissed', reason: '定价依据充分，程序合规。' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    for (const p of [objector, s])
      expect((await bell(p.session))[0]).toMatchObject({ kind: 'objection_resolved', title: '异议不成立：「高精度光纤陀螺仪标定方法」' });
  });
});

describe('竞买须知', () => {
  it('shows the terms with the deposit, its deadline on the working-day calendar and how to pay; refuses a registration without acceptance', async () => {
    const s = await seller(t, { title: '低温余热发电有机朗肯循环技术' });
    const auction = await createAuction(s);
    expect(auction.bidderTerms).toMatchObject({ version: BIDDER_TERMS.version, depositFen: auction.depositFen });
    expect(auction.bidderTerms.items.length).toBeGreaterThan(3);
    expect(auction.bidderTerms.depositInstructions).toContain('保证金专用账户');
    // The close (24:00 Beijing) of the last working day before the day bidding starts.
    const due = new Date(auction.bidderTerms.depositDueAt);
    expect(due.getTime()).toBeLessThanOrEqual(new Date(auction.startsAt).getTime());
    expect(due.getTime()).toBe(
      depositDueAt({ announcedAt: new Date(auction.announcedAt), startsAt: new Date(auction.startsAt) }).getTime(),
    );
    expect(localDateOf(new Date(due.getTime() - 1))).not.toBe(localDateOf(new Date(auction.startsAt)));
    expect(isWorkingDay(localDateOf(new Date(due.getTime() - 1)))).toBe(true);

    const bidder = await person(t, 'org_member');
    const url = `/api/trading/auctions/${auction.id}/registrations`;
    const without = await bidder.session.inject({ method: 'POST', url, payload: { qualification: '具备受让和实施该技术的能力与资金。' } });
    expect(without.statusCode).toBe(400);
    expect(without.headers['content-type']).toContain('application/problem+json');
    expect(without.json().errors).toEqual([expect.objectContaining({ field: 'body.acceptedTermsVersion' })]);
    const stale = await bidder.session.inject({
      method: 'POST',
      url,
      payload: { qualification: '具备受让和实施该技术的能力与资金。', acceptedTermsVersion: '2020-01-v0' },
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().errors).toEqual([expect.objectContaining({ field: 'body.acceptedTermsVersion' })]);

    const reg = await register(bidder, auction);
    expect(reg).toMatchObject({ termsVersion: BIDDER_TERMS.version, termsAcceptedAt: expect.any(String) });
  });
});

describe('deposit deadline', () => {
  it('is the close of the last working day before bidding starts, skipping weekends and holidays', () => {
    // Bidding starts Monday 2026-12-14 10:00 Beijing: due Friday 2026-12-11 24:00 Beijing.
    const startsAt = new Date('2026-12-14T02:00:00Z');
    expect(depositDueAt({ announcedAt: new Date('2026-12-01T00:00:00Z'), startsAt }).toISOString()).toBe('2026-12-11T16:00:00.000Z');
    // Starts Wednesday: due Tuesday's close.
    expect(depositDueAt({ announcedAt: new Date('2026-12-01T00:00:00Z'), startsAt: new Date('2026-12-16T02:00:00Z') }).toISOString()).toBe(
      '2026-12-15T16:00:00.000Z',
    );
    // Starts Thursday 2026-10-08, the first working day after the National Day holiday (10-01..10-07): due 09-30's close.
    expect(depositDueAt({ announcedAt: new Date('2026-09-01T00:00:00Z'), startsAt: new Date('2026-10-08T02:00:00Z') }).toISOString()).toBe(
      '2026-09-30T16:00:00.000Z',
    );
    // An auction continuing a listing starts at once: the deadline is the start itself.
    const now = new Date('2026-12-14T02:00:00Z');
    expect(depositDueAt({ announcedAt: now, startsAt: now }).getTime()).toBe(now.getTime());
  });
});
