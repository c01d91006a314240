import { and, asc, eq, ilike, inArray, ne, or } from 'drizzle-orm';
import type { HallView, MyTradingView, StaffDeskView } from '../../../common/api/trading.js';
import type { Db } from '../../db/client.js';
import { organizationsJoinable, regionsJoinable } from '../organizations/repository.js';
import {
  tradeAgreementNotices,
  tradeAuctionRegistrations,
  tradeAuctions,
  tradeDeals,
  tradeListingIntents,
  tradeListings,
  tradeObjections,
} from './schema.js';
import { requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { clock } from '../../lib/clock.js';
import { listAuctions } from './auctions.js';
import { listDeals, ownDealsWhere } from './deals.js';
import { UNRESOLVED_OBJECTION } from './lifecycle.js';
import { listListings } from './listings.js';
import { presentIntent } from './presenter.js';
import { listNotices } from './notices.js';
import { presentObjections } from './objections.js';
import { buyerOrgIds, sellerOrgIds } from './policy.js';
import { loadIntents, loadObjections, loadRegistrations } from './records.js';
import { presentRegistrationList } from './registrations.js';

/** Composite views: the trading hall, the caller's workspace, the staff desk, counterparty lookup. */
const HALL_SIZE = 12;
const MINE_SIZE = 100;

export async function getHall(opts: { db: Db; actor: Actor }): Promise<HallView> {
  const { db, actor } = opts;
  const page = { limit: HALL_SIZE, offset: 0 };
  const [listings, live, upcoming, notices, deals] = [
    await listListings({ db, actor, status: 'open', ...page }),
    await listAuctions({ db, actor, status: 'live', ...page }),
    await listAuctions({ db, actor, status: 'upcoming', ...page }),
    await listNotices({ db, actor, status: 'posted', ...page }),
    await listDeals({ db, actor, ...page }),
  ];
  return {
    listings: listings.items,
    liveAuctions: live.items,
    upcomingAuctions: upcoming.items,
    notices: notices.items,
    recentDeals: deals.items,
    serverTime: clock.now().toISOString(),
  };
}

export async function getMyTrading(opts: { db: Db; actor: Actor }): Promise<MyTradingView> {
  const { db, actor } = opts;
  requireUser(actor);
  const sellers = sellerOrgIds(actor);
  const buyers = buyerOrgIds(actor);
  const page = { limit: MINE_SIZE, offset: 0 };
  const empty = { items: [] as never[], total: 0 };
  const now = clock.now();
  const listings = sellers.length
    ? await listListings({ db, actor, where: inArray(tradeListings.organizationId, sellers), ...page })
    : empty;
  const auctions = sellers.length
    ? await listAuctions({ db, actor, where: inArray(tradeAuctions.organizationId, sellers), ...page })
    : empty;
  const notices = sellers.length
    ? await listNotices({ db, actor, where: inArray(tradeAgreementNotices.organizationId, sellers), ...page })
    : empty;
  const intents = buyers.length
    ? await loadIntents(db, inArray(tradeListingIntents.buyerOrganizationId, buyers), { limit: MINE_SIZE })
    : [];
  const registrations = buyers.length
    ? await loadRegistrations(db, inArray(tradeAuctionRegistrations.bidderOrganizationId, buyers), { limit: MINE_SIZE })
    : [];
  const dealsWhere = ownDealsWhere(actor);
  const deals = dealsWhere ? await listDeals({ db, actor, where: dealsWhere, ...page }) : empty;
  const toAnswer = sellers.length
    ? await loadObjections(
        db,
        and(inArray(tradeAgreementNotices.organizationId, sellers), inArray(tradeObjections.status, [...UNRESOLVED_OBJECTION])),
        { limit: MINE_SIZE },
      )
    : [];
  const mine = await loadObjections(db, eq(tradeObjections.objectorUserId, actor.userId), { limit: MINE_SIZE });
  return {
    listings: listings.items,
    auctions: auctions.items,
    notices: notices.items,
    intents: intents.map((i) => presentIntent(i, actor, now)),
    registrations: await presentRegistrationList(db, actor, registrations),
    deals: deals.items,
    objectionsToAnswer: await presentObjections(db, actor, toAnswer),
    myObjections: await presentObjections(db, actor, mine),
    serverTime: now.toISOString(),
  };
}

/** What waits for trading-centre staff. */
export async function getStaffDesk(opts: { db: Db; actor: Actor }): Promise<StaffDeskView> {
  const { db, actor } = opts;
  requirePermission(actor, 'trade:staff');
  const now = clock.now();
  const open = and(eq(tradeAuctions.status, 'scheduled'));
  const intents = await loadIntents(db, and(eq(tradeListingIntents.status, 'pending'), eq(tradeListings.status, 'open')), {
    limit: MINE_SIZE,
  });
  const toQualify = await loadRegistrations(db, and(open, eq(tradeAuctionRegistrations.status, 'pending')), { limit: MINE_SIZE });
  const deposits = await loadRegistrations(
    db,
    and(open, inArray(tradeAuctionRegistrations.status, ['pending', 'qualified']), eq(tradeAuctionRegistrations.depositStatus, 'unpaid')),
    { limit: MINE_SIZE },
  );
  const refunds = await loadRegistrations(db, eq(tradeAuctionRegistrations.depositStatus, 'refund_due'), { limit: MINE_SIZE });
  const payments = await listDeals({ db, actor, where: eq(tradeDeals.status, 'pending_payment'), limit: MINE_SIZE, offset: 0 });
  return {
    intentsToQualify: intents.filter((i) => now < i.listing.endsAt).map((i) => presentIntent(i, actor, now)),
    registrationsToQualify: await presentRegistrationList(
      db,
      actor,
      toQualify.filter((r) => now < r.auction.endsAt),
    ),
    depositsToConfirm: await presentRegistrationList(
      db,
      actor,
      deposits.filter((r) => now < r.auction.endsAt),
    ),
    refundsDue: await presentRegistrationList(db, actor, refunds),
    paymentsDue: payments.items,
    serverTime: now.toISOString(),
  };
}

/** Active organisations by part of the name or the credit code, so an owner can name a notice's buyer. */
export async function findCounterparties(opts: { db: Db; actor: Actor; q: string }) {
  requirePermission(opts.actor, 'trade:initiate');
  const q = opts.q.replace(/[%_\\]/g, (c) => `\\${c}`);
  const organizations = organizationsJoinable();
  const regions = regionsJoinable();
  const rows = await opts.db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type, regionName: regions.name })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(
      and(
        eq(organizations.status, 'active'),
        ne(organizations.type, 'government'),
        or(ilike(organizations.name, `%${q}%`), eq(organizations.creditCode, opts.q.toUpperCase())),
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(20);
  return { items: rows };
}
