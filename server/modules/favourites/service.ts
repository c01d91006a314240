import { createHash } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FavouriteItem, FavouriteKind, MyFavouritesQuery } from '../../../common/api/favourites.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizationIdsOf, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { findPublishedRecord, findVisibleRecord } from '../catalog/lookups.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { favourites, recordViews } from './schema.js';

/**
 * Favourites and follows are a user's own bookmarks: only published records the user may see and
 * active organisations can be favourited; the list is the user's alone. Owners learn how many
 * viewed and favourited their record, never who.
 */
interface Target {
  kind: FavouriteKind;
  id: string;
  title: string;
  /** The organisation whose members see the counts. */
  ownerOrganizationId: string;
}

const NOT_FOUND: Record<FavouriteKind, string> = { achievement: 'Achievement', demand: 'Demand', organization: 'Organization' };

export const targetLink = (kind: FavouriteKind, id: string) =>
  kind === 'organization' ? `/organizations/${id}` : kind === 'achievement' ? `/achievements/${id}` : `/demands/${id}`;

/** What may be favourited or viewed: a published record the actor may see, an active organisation. */
async function findTarget(db: DbOrTx, actor: Actor, kind: FavouriteKind, id: string): Promise<Target | null> {
  if (kind === 'organization') {
    const org = (await organizationsByIds(db, [id])).get(id);
    return org && org.status === 'active' ? { kind, id, title: org.name, ownerOrganizationId: id } : null;
  }
  const rec = await findPublishedRecord(db, actor, kind, id);
  return rec ? { kind, id, title: rec.title, ownerOrganizationId: rec.organizationId } : null;
}

export async function addFavourite(opts: { db: Db; actor: Actor; kind: FavouriteKind; id: string }) {
  requireUser(opts.actor);
  const target = await findTarget(opts.db, opts.actor, opts.kind, opts.id);
  if (!target) throw AppError.notFound(NOT_FOUND[opts.kind]);
  await opts.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(favourites)
      .values({ userId: opts.actor.userId!, targetKind: opts.kind, targetId: opts.id, title: target.title, createdAt: clock.now() })
      .onConflictDoNothing()
      .returning({ id: favourites.targetId });
    if (inserted.length === 0) return;
    await writeAudit(tx, opts.actor, {
      action: opts.kind === 'organization' ? 'favourite.follow' : 'favourite.add',
      entity: opts.kind,
      entityId: opts.id,
      after: { userId: opts.actor.userId },
    });
  });
  return { kind: opts.kind, id: opts.id, favourited: true };
}

/** Removing works whatever became of the target (a withdrawn record can be taken off the list). */
export async function removeFavourite(opts: { db: Db; actor: Actor; kind: FavouriteKind; id: string }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const removed = await tx
      .delete(favourites)
      .where(and(eq(favourites.userId, opts.actor.userId!), eq(favourites.targetKind, opts.kind), eq(favourites.targetId, opts.id)))
      .returning({ id: favourites.targetId });
    if (removed.length === 0) return;
    await writeAudit(tx, opts.actor, {
      action: opts.kind === 'organization' ? 'favourite.unfollow' : 'favourite.remove',
      entity: opts.kind,
      entityId: opts.id,
      before: { userId: opts.actor.userId },
    });
  });
  return { kind: opts.kind, id: opts.id, favourited: false };
}

export async function listMyFavourites(opts: { db: Db; actor: Actor; query: z.infer<typeof MyFavouritesQuery> }): Promise<FavouriteItem[]> {
  requireUser(opts.actor);
  const rows = await opts.db
    .select()
    .from(favourites)
    .where(and(eq(favourites.userId, opts.actor.userId!), opts.query.kind ? eq(favourites.targetKind, opts.query.kind) : undefined))
    .orderBy(desc(favourites.createdAt), desc(favourites.targetId))
    .limit(opts.query.limit);
  const items: FavouriteItem[] = [];
  for (const r of rows) {
    const kind = r.targetKind as FavouriteKind;
    const current = await findTarget(opts.db, opts.actor, kind, r.targetId);
    items.push({
      kind,
      id: r.targetId,
      title: current?.title ?? r.title,
      available: current != null,
      link: targetLink(kind, r.targetId),
      createdAt: r.createdAt.toISOString(),
    });
  }
  return items;
}

/** The UTC day a view falls on: one view per viewer and day. */
export const viewDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The key a viewer is counted under: the user, or for an anonymous visitor a hash of the address
 * salted with the day (so keys of different days cannot be linked, and no address is stored).
 */
export function viewerKey(actor: Actor, ip: string, day: string): string {
  if (actor.kind === 'user' && actor.userId) return `u:${actor.userId}`;
  return `a:${createHash('sha256').update(`${day}|${ip}`).digest('hex').slice(0, 40)}`;
}

/**
 * Counts a view of a record or organisation page, once per viewer and UTC day. Members of the owning
 * organisation are not counted (the owner looking at its own page is not interest).
 */
export async function recordView(opts: { db: Db; actor: Actor; kind: FavouriteKind; id: string; ip: string }): Promise<boolean> {
  const target = await findTarget(opts.db, opts.actor, opts.kind, opts.id);
  if (!target) throw AppError.notFound(NOT_FOUND[opts.kind]);
  if (organizationIdsOf(opts.actor).includes(target.ownerOrganizationId)) return false;
  const now = clock.now();
  const day = viewDay(now);
  const inserted = await opts.db
    .insert(recordViews)
    .values({ targetKind: opts.kind, targetId: opts.id, viewerKey: viewerKey(opts.actor, opts.ip, day), day, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: recordViews.targetId });
  return inserted.length > 0;
}

/**
 * The caller's favourite flag and, for members of the owning organisation only, how many viewed and
 * favourited it. The owner may see its own records in any status; others only what they may favourite.
 */
export async function getEngagement(opts: { db: Db; actor: Actor; kind: FavouriteKind; id: string }) {
  let ownerOrganizationId: string;
  if (opts.kind === 'organization') {
    const t = await findTarget(opts.db, opts.actor, opts.kind, opts.id);
    if (!t && !organizationIdsOf(opts.actor).includes(opts.id)) throw AppError.notFound(NOT_FOUND[opts.kind]);
    ownerOrganizationId = opts.id;
  } else {
    const rec = await findVisibleRecord(opts.db, opts.actor, opts.kind, opts.id);
    if (!rec) throw AppError.notFound(NOT_FOUND[opts.kind]);
    ownerOrganizationId = rec.organizationId;
  }
  const where = (t: typeof favourites | typeof recordViews) => and(eq(t.targetKind, opts.kind), eq(t.targetId, opts.id));
  let favourited = false;
  if (opts.actor.kind === 'user' && opts.actor.userId) {
    const [mine] = await opts.db
      .select({ id: favourites.targetId })
      .from(favourites)
      .where(and(where(favourites), eq(favourites.userId, opts.actor.userId)));
    favourited = mine != null;
  }
  let counts: { views: number; favourites: number } | null = null;
  if (organizationIdsOf(opts.actor).includes(ownerOrganizationId)) {
    const [[v], [f]] = [
      await opts.db.select({ n: count() }).from(recordViews).where(where(recordViews)),
      await opts.db.select({ n: count() }).from(favourites).where(where(favourites)),
    ];
    counts = { views: Number(v?.n ?? 0), favourites: Number(f?.n ?? 0) };
  }
  return { kind: opts.kind, id: opts.id, favourited, counts };
}
