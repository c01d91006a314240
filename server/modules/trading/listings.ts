import { and, count, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import type { ListingCreateBody, ListingStatus, ListingView } from '../../../common/api/trading.js';
import type { Db } from '../../db/client.js';
import { tradeListingIntents, tradeListings } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { calendarDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { endTrade, requireTradableAchievement, startTrade } from './catalog-bridge.js';
import { INTENT_TRANSITIONS, LISTING_TRANSITIONS, requireTransition } from './lifecycle.js';
import { TRADING_PARAMETERS } from './parameters.js';
import { buyerOrgIds, isStaff, partiesFor, sellerOrgIds } from './policy.js';
import { presentIntent, presentListing } from './presenter.js';
import { countTrades, loadIntents, loadTrade, loadTrades, type ListingRow, type Loaded } from './records.js';
import { actingBuyerOrganization } from './registrations.js';

/** Listings (挂牌) and purchase intents (意向受让). Ending a listing is in closing.ts. */

function checkListingDays(days: number, field = 'body.listingDays') {
  const { min, max } = TRADING_PARAMETERS.listingDays;
  if (days < min || days > max) throw AppError.validation(field, `must be ${min}–${max} days`);
}

export async function createListing(opts: { db: Db; actor: Actor; input: ListingCreateBody }) {
  requirePermission(opts.actor, 'trade:initiate');
  const input = opts.input;
  checkListingDays(input.listingDays);
  const rec = await requireTradableAchievement({ db: opts.db, actor: opts.actor, achievementId: input.achievementId });
  if (!(rec.row.transferModes as string[]).includes(input.transferMode))
    throw AppError.validation('body.transferMode', 'is not one of the achievement’s transfer modes');
  const id = newId();
  await opts.db.transaction(async (tx) => {
    await startTrade(tx, rec.row.id);
    const now = clock.now();
    const values = {
      id,
      achievementId: rec.row.id,
      organizationId: rec.row.organizationId,
      regionCode: rec.row.regionCode,
      status: 'open',
      title: rec.row.title,
      achievementSummary: rec.row.summary,
      fieldCode: rec.row.fieldCode,
      transferMode: input.transferMode,
      description: input.description ?? null,
      pricingBasis: input.pricingBasis ?? null,
      approvals: input.approvals,
      basePriceFen: input.basePriceFen,
      listingDays: input.listingDays,
      startsAt: now,
      endsAt: calendarDayDeadline(now, input.listingDays),
      createdBy: opts.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(tradeListings).values(values);
    await writeAudit(tx, opts.actor, {
      action: 'listing.create',
      entity: 'listing',
      entityId: id,
      organizationId: values.organizationId,
      after: values,
    });
  });
  return getListing({ db: opts.db, actor: opts.actor, id });
}

async function presentListings(db: Db, actor: Actor, listings: Loaded<ListingRow>[]): Promise<ListingView[]> {
  const ids = listings.map((l) => l.row.id);
  if (ids.length === 0) return [];
  const counts = await db
    .select({ listingId: tradeListingIntents.listingId, status: tradeListingIntents.status, n: count() })
    .from(tradeListingIntents)
    .where(and(inArray(tradeListingIntents.listingId, ids), inArray(tradeListingIntents.status, ['pending', 'qualified'])))
    .groupBy(tradeListingIntents.listingId, tradeListingIntents.status);
  const orgs = buyerOrgIds(actor);
  // Every intent: staff on any listing, the owner on its own (presentIntent decides what each sees of one).
  const sellers = sellerOrgIds(actor);
  const seesAll = new Set(isStaff(actor) ? ids : listings.filter((l) => sellers.includes(l.row.organizationId)).map((l) => l.row.id));
  const which = or(
    seesAll.size ? inArray(tradeListingIntents.listingId, [...seesAll]) : undefined,
    orgs.length ? and(inArray(tradeListingIntents.listingId, ids), inArray(tradeListingIntents.buyerOrganizationId, orgs)) : undefined,
  );
  const intents = which ? await loadIntents(db, which) : [];
  const now = clock.now();
  return listings.map((l) => {
    const n = (status: string) => Number(counts.find((c) => c.listingId === l.row.id && c.status === status)?.n ?? 0);
    const mine = intents.filter((i) => i.row.listingId === l.row.id && orgs.includes(i.row.buyerOrganizationId));
    const myIntent = mine.find((i) => ['pending', 'qualified'].includes(i.row.status)) ?? mine.at(-1) ?? null;
    return presentListing(l, actor, now, {
      intentCount: n('pending') + n('qualified'),
      qualifiedCount: n('qualified'),
      myIntent,
      intents: seesAll.has(l.row.id) ? intents.filter((i) => i.row.listingId === l.row.id) : null,
    });
  });
}

export async function getListing(opts: { db: Db; actor: Actor; id: string }): Promise<ListingView> {
  const l = await loadTrade(opts.db, 'listing', opts.id);
  if (!l) throw AppError.notFound('Listing');
  return (await presentListings(opts.db, opts.actor, [l]))[0]!;
}

/** `open` means still taking intents: a listing past its end waits for the scheduler and is not shown as open. */
export function listingStatusWhere(status: ListingStatus | undefined, now: Date): SQL | undefined {
  if (!status) return undefined;
  if (status === 'open') return and(eq(tradeListings.status, 'open'), gt(tradeListings.endsAt, now));
  return eq(tradeListings.status, status);
}

export async function listListings(opts: { db: Db; actor: Actor; status?: ListingStatus; where?: SQL; limit: number; offset: number }) {
  const where = and(listingStatusWhere(opts.status, clock.now()), opts.where);
  const rows = await loadTrades(opts.db, 'listing', where, {
    limit: opts.limit,
    offset: opts.offset,
    order: opts.status === 'open' ? 'ends_soonest' : 'newest',
  });
  return { items: await presentListings(opts.db, opts.actor, rows), total: await countTrades(opts.db, 'listing', where) };
}

/** The owner withdraws an open listing: live intents are withdrawn with it, the achievement returns to the catalogue. */
export async function withdrawListing(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  requirePermission(opts.actor, 'trade:initiate');
  await opts.db.transaction(async (tx) => {
    const l = await loadTrade(tx, 'listing', opts.id, true);
    if (!l) throw AppError.notFound('Listing');
    const parties = partiesFor(opts.actor, { organizationId: l.row.organizationId, regionPath: l.regionPath });
    const to = requireTransition(
      'listing',
      'withdraw',
      LISTING_TRANSITIONS.withdraw,
      l.row.status,
      parties.filter((p) => p === 'owner'),
    );
    const now = clock.now();
    if (now >= l.row.endsAt) throw AppError.conflict('The listing period is over; it is being concluded');
    await tx.update(tradeListings).set({ status: to, endedAt: now, updatedAt: now }).where(eq(tradeListings.id, l.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'listing.withdraw',
      entity: 'listing',
      entityId: l.row.id,
      organizationId: l.row.organizationId,
      before: { status: l.row.status },
      after: { status: to, reason: opts.reason },
    });
    const live = await tx
      .select()
      .from(tradeListingIntents)
      .where(and(eq(tradeListingIntents.listingId, l.row.id), inArray(tradeListingIntents.status, ['pending', 'qualified'])))
      .for('update');
    for (const i of live) {
      await tx
        .update(tradeListingIntents)
        .set({ status: 'withdrawn', reviewReason: 'the listing was withdrawn', updatedAt: now })
        .where(eq(tradeListingIntents.id, i.id));
      await writeAudit(tx, opts.actor, {
        action: 'intent.withdraw',
        entity: 'listing_intent',
        entityId: i.id,
        organizationId: i.buyerOrganizationId,
        before: { status: i.status },
        after: { status: 'withdrawn', reason: 'listing withdrawn' },
      });
    }
    await endTrade(tx, l.row.achievementId);
  });
  return getListing(opts);
}

/** The owner renews a lapsed listing for a new period (the achievement goes back into trade). */
export async function renewListing(opts: { db: Db; actor: Actor; id: string; listingDays: number }) {
  requirePermission(opts.actor, 'trade:initiate');
  checkListingDays(opts.listingDays);
  await opts.db.transaction(async (tx) => {
    const l = await loadTrade(tx, 'listing', opts.id, true);
    if (!l) throw AppError.notFound('Listing');
    const parties = partiesFor(opts.actor, { organizationId: l.row.organizationId, regionPath: l.regionPath });
    const to = requireTransition(
      'listing',
      'renew',
      LISTING_TRANSITIONS.renew,
      l.row.status,
      parties.filter((p) => p === 'owner'),
    );
    await startTrade(tx, l.row.achievementId);
    const now = clock.now();
    const endsAt = calendarDayDeadline(now, opts.listingDays);
    await tx
      .update(tradeListings)
      .set({
        status: to,
        startsAt: now,
        endsAt,
        listingDays: opts.listingDays,
        renewals: l.row.renewals + 1,
        endedAt: null,
        updatedAt: now,
      })
      .where(eq(tradeListings.id, l.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'listing.renew',
      entity: 'listing',
      entityId: l.row.id,
      organizationId: l.row.organizationId,
      before: { status: l.row.status, endsAt: l.row.endsAt.toISOString() },
      after: { status: to, endsAt: endsAt.toISOString() },
    });
  });
  return getListing(opts);
}

/** A buyer registers intent with an offer of at least the base price while the listing is open. */
export async function registerIntent(opts: {
  db: Db;
  actor: Actor;
  listingId: string;
  offerFen: number;
  qualification: string;
  organizationId?: string;
}) {
  requirePermission(opts.actor, 'trade:participate');
  const id = newId();
  await opts.db.transaction(async (tx) => {
    const l = await loadTrade(tx, 'listing', opts.listingId, true);
    if (!l) throw AppError.notFound('Listing');
    const org = await actingBuyerOrganization(tx, opts.actor, opts.organizationId, l.row.organizationId);
    const now = clock.now();
    if (l.row.status !== 'open' || now >= l.row.endsAt) throw AppError.conflict('The listing is not open for intents');
    if (opts.offerFen < l.row.basePriceFen)
      throw AppError.validation('body.offerFen', `must be at least the base price (${l.row.basePriceFen} fen)`);
    const live = await tx
      .select({ id: tradeListingIntents.id })
      .from(tradeListingIntents)
      .where(
        and(
          eq(tradeListingIntents.listingId, l.row.id),
          eq(tradeListingIntents.buyerOrganizationId, org.id),
          inArray(tradeListingIntents.status, ['pending', 'qualified']),
        ),
      );
    if (live.length) throw AppError.conflict('Your organisation has already registered intent for this listing');
    const values = {
      id,
      listingId: l.row.id,
      buyerOrganizationId: org.id,
      status: 'pending',
      offerFen: opts.offerFen,
      qualification: opts.qualification,
      createdBy: opts.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(tradeListingIntents).values(values);
    await writeAudit(tx, opts.actor, {
      action: 'intent.create',
      entity: 'listing_intent',
      entityId: id,
      organizationId: org.id,
      after: values,
    });
  });
  return getIntent(opts.db, opts.actor, id);
}

async function getIntent(db: Db, actor: Actor, id: string) {
  const [i] = await loadIntents(db, eq(tradeListingIntents.id, id), { limit: 1 });
  if (!i) throw AppError.notFound('Intent');
  return presentIntent(i, actor, clock.now());
}

/** Staff qualify or reject an intent; the buyer withdraws its own. Only while the listing is open. */
export async function transitionIntent(opts: {
  db: Db;
  actor: Actor;
  id: string;
  action: 'qualify' | 'reject' | 'withdraw';
  reason?: string;
}) {
  requirePermission(opts.actor, opts.action === 'withdraw' ? 'trade:participate' : 'trade:staff');
  await opts.db.transaction(async (tx) => {
    const [found] = await loadIntents(tx, eq(tradeListingIntents.id, opts.id), { limit: 1 });
    if (!found) throw AppError.notFound('Intent');
    // The listing first (as ending it does), then the intent.
    const l = await loadTrade(tx, 'listing', found.row.listingId, true);
    const [i] = await loadIntents(tx, eq(tradeListingIntents.id, opts.id), { limit: 1, forUpdate: true });
    const parties = partiesFor(opts.actor, {
      organizationId: l!.row.organizationId,
      regionPath: l!.regionPath,
      buyerOrganizationIds: [i!.row.buyerOrganizationId],
    });
    if (opts.action === 'withdraw' && !parties.includes('buyer')) throw AppError.notFound('Intent');
    const to = requireTransition(
      'intent',
      opts.action,
      INTENT_TRANSITIONS[opts.action],
      i!.row.status,
      parties.filter((p) => p === (opts.action === 'withdraw' ? 'buyer' : 'staff')),
    );
    const now = clock.now();
    if (l!.row.status !== 'open' || now >= l!.row.endsAt) throw AppError.conflict('The listing is no longer open');
    const review = opts.action === 'withdraw' ? {} : { reviewReason: opts.reason ?? null, reviewedBy: opts.actor.userId, reviewedAt: now };
    await tx
      .update(tradeListingIntents)
      .set({ status: to, ...review, updatedAt: now })
      .where(eq(tradeListingIntents.id, i!.row.id));
    await writeAudit(tx, opts.actor, {
      action: `intent.${opts.action}`,
      entity: 'listing_intent',
      entityId: i!.row.id,
      organizationId: i!.row.buyerOrganizationId,
      before: { status: i!.row.status },
      after: { status: to, reason: opts.reason ?? null },
    });
  });
  return getIntent(opts.db, opts.actor, opts.id);
}
