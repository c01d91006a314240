import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuctionView, IntentView, ListingView, NoticeView, ObjectionView } from '../../common/api/trading.js';
import { closeDueAuctions } from '../../server/modules/trading/closing.js';
import { loginAs, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { accepted, advanceTo, bid, createAuction, person, qualifiedBidder, seller, type Person } from './trading-fixtures.js';
import { BIDDER_TERMS } from '../../server/modules/trading/bidder-terms.js';

/**
 * Who may fire each trading transition, beyond the route's permission (the authorisation matrix test
 * covers that): ownership of the selling organisation, being the buyer or bidder, being staff, or
 * being an official whose region holds the trade. Each row lists the expected answer per member of
 * the cast, written out by hand; refused calls change nothing, so the allowed caller goes last on
 * the same record.
 */
const t = useTestApp();

type Who = 'owner' | 'ownerAdmin' | 'otherMember' | 'buyer' | 'staff' | 'officialHere' | 'officialElsewhere' | 'expert' | 'anonymous';
const CAST: Who[] = ['owner', 'ownerAdmin', 'otherMember', 'buyer', 'staff', 'officialHere', 'officialElsewhere', 'expert', 'anonymous'];

interface Scene {
  s: Awaited<ReturnType<typeof seller>>;
  ownerAdmin: Person;
  buyer: Person;
}

let staff: Person;
let people: Partial<Record<Who, Person>>;

beforeAll(async () => {
  if (!t.app) return;
  staff = await person(t, 'platform_admin');
  people = {
    staff,
    otherMember: await person(t, 'org_member'),
    officialHere: await person(t, 'gov_officer', { regionCode: '120116' }),
    officialElsewhere: await person(t, 'gov_officer', { regionCode: '120101' }),
    expert: await person(t, 'expert'),
  };
});

async function scene(): Promise<Scene> {
  const s = await seller(t);
  const ownerAdmin = await person(t, 'org_admin', { organizationId: s.user.organizationId! });
  const buyer = await person(t, 'org_member');
  return { s, ownerAdmin, buyer };
}

function sessionOf(sc: Scene, who: Who): LoggedIn | null {
  if (who === 'anonymous') return null;
  if (who === 'owner') return sc.s.session;
  if (who === 'ownerAdmin') return sc.ownerAdmin.session;
  if (who === 'buyer') return sc.buyer.session;
  return people[who]!.session;
}

interface Row {
  action: string;
  /** Builds the record and says which request fires the transition on it. */
  setup(sc: Scene): Promise<{ method: 'POST'; url: string; payload?: object }>;
  expected: Record<Who, number>;
}

// 401 anonymous; 403 the route's permission is missing or the caller is not the party; 404 the record is not the caller's to see.
const ROWS: Row[] = [
  {
    action: 'cancel an auction',
    async setup(sc) {
      const a = await createAuction(sc.s);
      return { method: 'POST', url: `/api/trading/auctions/${a.id}/cancel`, payload: { reason: '材料需要补充' } };
    },
    expected: {
      anonymous: 401,
      otherMember: 403,
      buyer: 403,
      staff: 403,
      officialHere: 403,
      officialElsewhere: 403,
      expert: 403,
      ownerAdmin: 200,
      owner: 409,
    },
  },
  {
    action: 'qualify a bidder',
    async setup(sc) {
      const a = await createAuction(sc.s);
      const reg = await sc.buyer.session.inject({
        method: 'POST',
        url: `/api/trading/auctions/${a.id}/registrations`,
        payload: { qualification: '具备受让和实施该技术的能力。', acceptedTermsVersion: BIDDER_TERMS.version },
      });
      return { method: 'POST', url: `/api/trading/registrations/${reg.json().id}/qualification`, payload: { decision: 'qualified' } };
    },
    expected: {
      anonymous: 401,
      owner: 403,
      ownerAdmin: 403,
      otherMember: 403,
      buyer: 403,
      officialHere: 403,
      officialElsewhere: 403,
      expert: 403,
      staff: 200,
    },
  },
  {
    action: 'withdraw a registration',
    async setup(sc) {
      const a = await createAuction(sc.s);
      const reg = await sc.buyer.session.inject({
        method: 'POST',
        url: `/api/trading/auctions/${a.id}/registrations`,
        payload: { qualification: '具备受让和实施该技术的能力。', acceptedTermsVersion: BIDDER_TERMS.version },
      });
      return { method: 'POST', url: `/api/trading/registrations/${reg.json().id}/withdraw` };
    },
    expected: {
      anonymous: 401,
      owner: 404,
      ownerAdmin: 404,
      otherMember: 404,
      staff: 403,
      officialHere: 403,
      officialElsewhere: 403,
      expert: 403,
      buyer: 200,
    },
  },
  {
    action: 'answer an objection',
    async setup(sc) {
      const n = await postNotice(sc);
      const o = await sc.buyer.session.inject({
        method: 'POST',
        url: `/api/trading/notices/${n.id}/objections`,
        payload: { grounds: '价格明显偏低，请说明依据。' },
      });
      return {
        method: 'POST',
        url: `/api/trading/objections/${(o.json() as ObjectionView).id}/answer`,
        payload: { answer: '依据评估报告定价。' },
      };
    },
    expected: {
      anonymous: 401,
      otherMember: 403,
      buyer: 403,
      staff: 403,
      officialHere: 403,
      officialElsewhere: 403,
      expert: 403,
      ownerAdmin: 200,
      owner: 200,
    },
  },
  {
    action: 'resolve an objection',
    async setup(sc) {
      const n = await postNotice(sc);
      const o = await sc.buyer.session.inject({
        method: 'POST',
        url: `/api/trading/notices/${n.id}/objections`,
        payload: { grounds: '价格明显偏低，请说明依据。' },
      });
      return {
        method: 'POST',
        url: `/api/trading/objections/${(o.json() as ObjectionView).id}/resolution`,
        payload: { decision: 'dismissed', reason: '定价依据充分。' },
      };
    },
    expected: {
      anonymous: 401,
      owner: 403,
      ownerAdmin: 403,
      otherMember: 403,
      buyer: 403,
      expert: 403,
      officialElsewhere: 404,
      officialHere: 200,
      staff: 409,
    },
  },
  {
    action: 'back out of an auction deal',
    async setup(sc) {
      const dealId = await auctionDeal(sc);
      return { method: 'POST', url: `/api/trading/deals/${dealId}/withdraw`, payload: { reason: '资金未到位' } };
    },
    expected: {
      anonymous: 401,
      owner: 403,
      ownerAdmin: 403,
      otherMember: 403,
      staff: 403,
      officialHere: 403,
      officialElsewhere: 403,
      expert: 403,
      buyer: 200,
    },
  },
  {
    action: 'confirm a payment',
    async setup(sc) {
      const dealId = await auctionDeal(sc);
      return { method: 'POST', url: `/api/trading/deals/${dealId}/payment`, payload: { reference: 'PAY-9', amountFen: 900_000 } };
    },
    expected: {
      anonymous: 401,
      owner: 403,
      ownerAdmin: 403,
      otherMember: 403,
      buyer: 403,
      officialHere: 403,
      officialElsewhere: 403,
      expert: 403,
      staff: 200,
    },
  },
];

async function postNotice(sc: Scene): Promise<NoticeView> {
  const res = await sc.s.session.inject({
    method: 'POST',
    url: '/api/trading/notices',
    payload: {
      achievementId: sc.s.achievementId,
      buyerOrganizationId: sc.buyer.user.organizationId,
      priceFen: 500_000,
      transferMode: 'transfer',
      summary: '拟以协议定价方式转让，现予公示。',
      relatedParty: false,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as NoticeView;
}

/** A sold auction whose winner is the scene's buyer; returns the deal. */
async function auctionDeal(sc: Scene): Promise<string> {
  const a = await createAuction(sc.s);
  const b = await qualifiedBidder(t, a, staff);
  sc.buyer = b;
  advanceTo(a.startsAt);
  accepted(await bid(b, a.id, 1_000_000));
  advanceTo(new Date(new Date(a.endsAt).getTime() + 1000));
  await closeDueAuctions({ db: t.db });
  return ((await b.session.inject({ method: 'GET', url: `/api/trading/auctions/${a.id}` })).json() as AuctionView).dealId!;
}

describe.each(ROWS.map((r) => [r.action, r] as const))('%s', (_name, row) => {
  it('answers each member of the cast as the table says', async () => {
    // Sessions last 14 days; earlier rows may have moved the clock past that.
    for (const p of Object.values(people)) p.session = await loginAs(t.app, p.user);
    const sc = await scene();
    const request = await row.setup(sc);
    sc.s.session = await loginAs(t.app, sc.s.user);
    sc.buyer.session = await loginAs(t.app, sc.buyer.user);
    sc.ownerAdmin.session = await loginAs(t.app, sc.ownerAdmin.user);
    // The refused first, then the allowed, then those who come too late (409: it already happened).
    const rank = (w: Who) => (row.expected[w] === 409 ? 2 : row.expected[w] < 300 ? 1 : 0);
    const order = [...CAST].sort((a, b) => rank(a) - rank(b));
    const got: Partial<Record<Who, number>> = {};
    for (const who of order) {
      const session = sessionOf(sc, who);
      const res: LightMyRequestResponse = session ? await session.inject(request) : await t.app.inject(request);
      got[who] = res.statusCode;
    }
    expect(got).toEqual(row.expected);
  });
});

/**
 * Who sees the intents (意向受让) on a listing. The owner learns who registered, their offers and the
 * centre's verdict (rejection reasons included), as the dossier later records them; the
 * qualification statement a buyer files is for the centre's staff. A buyer sees its own intent
 * only; everyone else sees the counts.
 */
interface IntentsSeen {
  /** Length of `intents`, or null when the list is not sent. */
  listed: number | null;
  /** Intents (listed or the caller's own) that name their buyer. */
  named: number;
  /** Intents that carry the buyer's qualification statement. */
  statements: number;
  /** Whether `myIntent` is there. */
  mine: boolean;
}

const INTENTS_SEEN: Record<Who, IntentsSeen> = {
  owner: { listed: 2, named: 2, statements: 0, mine: false },
  ownerAdmin: { listed: 2, named: 2, statements: 0, mine: false },
  staff: { listed: 2, named: 2, statements: 2, mine: false },
  buyer: { listed: null, named: 1, statements: 1, mine: true },
  otherMember: { listed: null, named: 0, statements: 0, mine: false },
  officialHere: { listed: null, named: 0, statements: 0, mine: false },
  officialElsewhere: { listed: null, named: 0, statements: 0, mine: false },
  expert: { listed: null, named: 0, statements: 0, mine: false },
  anonymous: { listed: null, named: 0, statements: 0, mine: false },
};

describe('the intents on a listing', () => {
  it('are shown to each member of the cast as the table says', async () => {
    for (const p of Object.values(people)) p.session = await loginAs(t.app, p.user);
    const sc = await scene();
    const rival = await person(t, 'org_member');
    const res = await sc.s.session.inject({
      method: 'POST',
      url: '/api/trading/listings',
      payload: { achievementId: sc.s.achievementId, basePriceFen: 500_000, transferMode: 'transfer', listingDays: 10 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const listing = res.json() as ListingView;
    const statement = (who: string) => `${who}具备受让实施该技术的条件，联系人电话 139-0000-0000。`;
    const intents: IntentView[] = [];
    for (const [p, who] of [
      [sc.buyer, '甲公司'],
      [rival, '乙公司'],
    ] as const) {
      const r = await p.session.inject({
        method: 'POST',
        url: `/api/trading/listings/${listing.id}/intents`,
        payload: { offerFen: 510_000, qualification: statement(who) },
      });
      expect(r.statusCode, r.body).toBe(201);
      intents.push(r.json() as IntentView);
    }
    const rejected = await staff.session.inject({
      method: 'POST',
      url: `/api/trading/intents/${intents[1]!.id}/qualification`,
      payload: { decision: 'rejected', reason: '未提交资信证明' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const got: Partial<Record<Who, IntentsSeen>> = {};
    for (const who of CAST) {
      const session = sessionOf(sc, who);
      const req = { method: 'GET' as const, url: `/api/trading/listings/${listing.id}` };
      const view = (session ? await session.inject(req) : await t.app.inject(req)).json() as ListingView;
      const shown = [...(view.intents ?? []), ...(view.myIntent ? [view.myIntent] : [])];
      got[who] = {
        listed: view.intents?.length ?? null,
        named: shown.filter((i) => i.buyer).length,
        statements: shown.filter((i) => i.qualification).length,
        mine: !!view.myIntent,
      };
      const body = JSON.stringify(view);
      if (who === 'owner' || who === 'ownerAdmin') {
        expect(view.intents!.map((i) => [i.buyer?.id, i.status, i.reviewReason])).toEqual([
          [sc.buyer.user.organizationId, 'pending', null],
          [rival.user.organizationId, 'rejected', '未提交资信证明'],
        ]);
        expect(body).not.toContain('139-0000-0000');
        expect(view.intents!.every((i) => i.actions.length === 0)).toBe(true);
      }
      if (who === 'buyer') expect(body).not.toContain(rival.user.organizationId!);
      if (got[who].named === 0) for (const p of [sc.buyer, rival]) expect(body).not.toContain(p.user.organizationId!);
    }
    expect(got).toEqual(INTENTS_SEEN);
  });
});
