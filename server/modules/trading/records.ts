import { asc, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { OrgRef } from '../../../common/api/trading.js';
import type { DbOrTx } from '../../db/client.js';
import { technicalFieldsJoinable } from '../catalog/repository.js';
import { findOrganization, findOrganizations, organizationsJoinable, regionsJoinable } from '../organizations/repository.js';
import {
  tradeAgreementNotices,
  tradeAuctionRegistrations,
  tradeAuctions,
  tradeDeals,
  tradeListingIntents,
  tradeListings,
  tradeObjections,
} from './schema.js';

/**
 * Loading trade records with what their views need: the seller, the region (name and path, for
 * scope), the field name, the buyer. Organisations and regions are the platform's reference data,
 * read here, never written.
 */
const organizations = organizationsJoinable();
const regions = regionsJoinable();
const technicalFields = technicalFieldsJoinable();

/** Trade records (listings, auctions, notices, deals) in a region's subtree (GB/T 2260 code), for `where`. */
export const inRegionSubtree = (code: string): SQL => like(regions.path, `%/${code}/%`);

export const TRADE_TABLES = { listing: tradeListings, auction: tradeAuctions, notice: tradeAgreementNotices } as const;
export type TradeKind = keyof typeof TRADE_TABLES;
export type ListingRow = typeof tradeListings.$inferSelect;
export type AuctionRow = typeof tradeAuctions.$inferSelect;
export type NoticeRow = typeof tradeAgreementNotices.$inferSelect;
export type IntentRow = typeof tradeListingIntents.$inferSelect;
export type RegistrationRow = typeof tradeAuctionRegistrations.$inferSelect;
export type ObjectionRow = typeof tradeObjections.$inferSelect;
export type DealRow = typeof tradeDeals.$inferSelect;
type RowOf<K extends TradeKind> = K extends 'listing' ? ListingRow : K extends 'auction' ? AuctionRow : NoticeRow;

export interface Loaded<R> {
  row: R;
  seller: OrgRef;
  regionName: string;
  regionPath: string;
  fieldName: string;
}

export interface PageOpts {
  limit?: number;
  offset?: number;
  order?: 'newest' | 'ends_soonest' | 'starts_soonest' | 'changed';
  forUpdate?: boolean;
}

/** Listings, auctions or notices matching `where`, with seller, region and field. */
export async function loadTrades<K extends TradeKind>(
  db: DbOrTx,
  kind: K,
  where: SQL | undefined,
  opts: PageOpts = {},
): Promise<Loaded<RowOf<K>>[]> {
  const t = TRADE_TABLES[kind] as unknown as typeof tradeListings;
  const order =
    opts.order === 'ends_soonest'
      ? [asc(t.endsAt), asc(t.id)]
      : opts.order === 'starts_soonest'
        ? [asc(t.startsAt), asc(t.id)]
        : opts.order === 'changed'
          ? [desc(t.updatedAt), desc(t.id)]
          : [desc(t.createdAt), asc(t.id)];
  let q = db
    .select({
      row: t,
      sellerId: organizations.id,
      sellerName: organizations.name,
      sellerType: organizations.type,
      regionName: regions.name,
      regionPath: regions.path,
      fieldName: technicalFields.nameZh,
    })
    .from(t)
    .innerJoin(organizations, eq(organizations.id, t.organizationId))
    .innerJoin(regions, eq(regions.code, t.regionCode))
    .innerJoin(technicalFields, eq(technicalFields.code, t.fieldCode))
    .where(where)
    .orderBy(...order)
    .$dynamic();
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset) q = q.offset(opts.offset);
  const rows = opts.forUpdate ? await q.for('update', { of: t }) : await q;
  return rows.map((r) => ({
    row: r.row as unknown as RowOf<K>,
    seller: { id: r.sellerId, name: r.sellerName, type: r.sellerType },
    regionName: r.regionName,
    regionPath: r.regionPath,
    fieldName: r.fieldName,
  }));
}

export async function loadTrade<K extends TradeKind>(db: DbOrTx, kind: K, id: string, forUpdate = false): Promise<Loaded<RowOf<K>> | null> {
  const t = TRADE_TABLES[kind] as unknown as typeof tradeListings;
  const [one] = await loadTrades(db, kind, eq(t.id, id), { limit: 1, forUpdate });
  return one ?? null;
}

export async function countTrades(db: DbOrTx, kind: TradeKind, where: SQL | undefined): Promise<number> {
  const t = TRADE_TABLES[kind] as unknown as typeof tradeListings;
  const [r] = await db.select({ n: count() }).from(t).where(where);
  return Number(r?.n ?? 0);
}

/** Organisations by id, as the views show them. */
export async function loadOrgRefs(db: DbOrTx, ids: string[]): Promise<Map<string, OrgRef>> {
  const rows = await findOrganizations(db, ids);
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, type: r.type }]));
}

export async function loadOrg(db: DbOrTx, id: string) {
  return (await findOrganization(db, id)) ?? null;
}

const sellerOrg = organizationsJoinable('seller_org');

/** Deals with their seller and buyer, region path and field. */
export async function loadDeals(db: DbOrTx, where: SQL | undefined, opts: PageOpts = {}) {
  let q = db
    .select({
      row: tradeDeals,
      seller: { id: sellerOrg.id, name: sellerOrg.name, type: sellerOrg.type },
      buyer: { id: organizations.id, name: organizations.name, type: organizations.type },
      regionName: regions.name,
      regionPath: regions.path,
      fieldName: technicalFields.nameZh,
    })
    .from(tradeDeals)
    .innerJoin(sellerOrg, eq(sellerOrg.id, tradeDeals.sellerOrganizationId))
    .innerJoin(organizations, eq(organizations.id, tradeDeals.buyerOrganizationId))
    .innerJoin(regions, eq(regions.code, tradeDeals.regionCode))
    .innerJoin(technicalFields, eq(technicalFields.code, tradeDeals.fieldCode))
    .where(where)
    .orderBy(
      ...(opts.order === 'changed' ? [desc(tradeDeals.updatedAt), desc(tradeDeals.id)] : [desc(tradeDeals.createdAt), asc(tradeDeals.id)]),
    )
    .$dynamic();
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset) q = q.offset(opts.offset);
  return opts.forUpdate ? q.for('update', { of: tradeDeals }) : q;
}
export type LoadedDeal = Awaited<ReturnType<typeof loadDeals>>[number];

export async function loadDeal(db: DbOrTx, id: string, forUpdate = false): Promise<LoadedDeal | null> {
  const [d] = await loadDeals(db, eq(tradeDeals.id, id), { limit: 1, forUpdate });
  return d ?? null;
}

export async function countDeals(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [r] = await db.select({ n: count() }).from(tradeDeals).where(where);
  return Number(r?.n ?? 0);
}

/** Intents with their listing (and its region) and the buyer. */
export async function loadIntents(db: DbOrTx, where: SQL | undefined, opts: PageOpts = {}) {
  let q = db
    .select({
      row: tradeListingIntents,
      listing: tradeListings,
      buyer: { id: organizations.id, name: organizations.name, type: organizations.type },
      regionName: regions.name,
      regionPath: regions.path,
    })
    .from(tradeListingIntents)
    .innerJoin(tradeListings, eq(tradeListings.id, tradeListingIntents.listingId))
    .innerJoin(organizations, eq(organizations.id, tradeListingIntents.buyerOrganizationId))
    .innerJoin(regions, eq(regions.code, tradeListings.regionCode))
    .where(where)
    .orderBy(asc(tradeListingIntents.createdAt), asc(tradeListingIntents.id))
    .$dynamic();
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return opts.forUpdate ? q.for('update', { of: tradeListingIntents }) : q;
}
export type LoadedIntent = Awaited<ReturnType<typeof loadIntents>>[number];

/** Registrations with their auction (and its region) and the bidder. */
export async function loadRegistrations(db: DbOrTx, where: SQL | undefined, opts: PageOpts = {}) {
  let q = db
    .select({
      row: tradeAuctionRegistrations,
      auction: tradeAuctions,
      bidder: { id: organizations.id, name: organizations.name, type: organizations.type },
      regionPath: regions.path,
    })
    .from(tradeAuctionRegistrations)
    .innerJoin(tradeAuctions, eq(tradeAuctions.id, tradeAuctionRegistrations.auctionId))
    .innerJoin(organizations, eq(organizations.id, tradeAuctionRegistrations.bidderOrganizationId))
    .innerJoin(regions, eq(regions.code, tradeAuctions.regionCode))
    .where(where)
    .orderBy(asc(tradeAuctionRegistrations.createdAt), asc(tradeAuctionRegistrations.id))
    .$dynamic();
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return q;
}
export type LoadedRegistration = Awaited<ReturnType<typeof loadRegistrations>>[number];

export async function loadRegistration(db: DbOrTx, id: string) {
  const [r] = await loadRegistrations(db, eq(tradeAuctionRegistrations.id, id), { limit: 1 });
  return r ?? null;
}

/** Objections with their notice (and its region). */
export async function loadObjections(db: DbOrTx, where: SQL | undefined, opts: PageOpts = {}) {
  let q = db
    .select({ row: tradeObjections, notice: tradeAgreementNotices, regionPath: regions.path })
    .from(tradeObjections)
    .innerJoin(tradeAgreementNotices, eq(tradeAgreementNotices.id, tradeObjections.noticeId))
    .innerJoin(regions, eq(regions.code, tradeAgreementNotices.regionCode))
    .where(where)
    .orderBy(asc(tradeObjections.createdAt), asc(tradeObjections.id))
    .$dynamic();
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset) q = q.offset(opts.offset);
  return opts.forUpdate ? q.for('update', { of: tradeObjections }) : q;
}
export type LoadedObjection = Awaited<ReturnType<typeof loadObjections>>[number];

export async function countObjections(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(tradeObjections)
    .innerJoin(tradeAgreementNotices, eq(tradeAgreementNotices.id, tradeObjections.noticeId))
    .innerJoin(regions, eq(regions.code, tradeAgreementNotices.regionCode))
    .where(where);
  return Number(r?.n ?? 0);
}
