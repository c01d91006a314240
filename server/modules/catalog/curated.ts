import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CuratedListBody } from '../../../common/api/catalog.js';
import type { Db } from '../../db/client.js';
import { achievements, curatedListItems, curatedLists } from './schema.js';
import { can, requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { PUBLIC_STATUSES } from './lifecycle.js';
import { canSeeRecord } from './policy.js';
import { facts, loadRecordsByIds } from './records.js';

/**
 * Curated lists of achievements: the public-interest catalogue (公益性技术成果指导目录) and
 * achievement packages by key area (科技成果包). Curators (platform admins) compose them; the portal
 * shows the published ones, each achievement only where the caller may see it.
 */
async function withItems(db: Db, actor: Actor, lists: Array<typeof curatedLists.$inferSelect>) {
  if (lists.length === 0) return [];
  const items = await db
    .select()
    .from(curatedListItems)
    .where(
      inArray(
        curatedListItems.listId,
        lists.map((l) => l.id),
      ),
    )
    .orderBy(asc(curatedListItems.sort));
  const recs = await loadRecordsByIds(db, 'achievement', [...new Set(items.map((i) => i.achievementId))]);
  const visible = new Map(recs.filter((r) => canSeeRecord(actor, facts(r))).map((r) => [r.row.id, r]));
  return lists.map((list) => ({
    list,
    achievements: items.filter((i) => i.listId === list.id && visible.has(i.achievementId)).map((i) => visible.get(i.achievementId)!),
  }));
}

export async function listCuratedLists(opts: { db: Db; actor: Actor; includeUnpublished?: boolean }) {
  const all = opts.includeUnpublished && can(opts.actor, 'catalog:curate');
  const lists = await opts.db
    .select()
    .from(curatedLists)
    .where(all ? undefined : eq(curatedLists.published, true))
    .orderBy(asc(curatedLists.kind), desc(curatedLists.updatedAt));
  return withItems(opts.db, opts.actor, lists);
}

export async function getCuratedList(opts: { db: Db; actor: Actor; id: string }) {
  const [list] = await opts.db.select().from(curatedLists).where(eq(curatedLists.id, opts.id));
  if (!list || (!list.published && !can(opts.actor, 'catalog:curate'))) throw AppError.notFound('Curated list');
  return (await withItems(opts.db, opts.actor, [list]))[0]!;
}

export async function saveCuratedList(opts: { db: Db; actor: Actor; id?: string; input: z.infer<typeof CuratedListBody> }) {
  requirePermission(opts.actor, 'catalog:curate');
  const id = opts.id ?? newId();
  await opts.db.transaction(async (tx) => {
    const values = {
      kind: opts.input.kind,
      title: opts.input.title,
      keyArea: opts.input.keyArea ?? null,
      description: opts.input.description ?? null,
      published: opts.input.published,
      updatedAt: clock.now(),
    };
    if (opts.id) {
      const [before] = await tx.select().from(curatedLists).where(eq(curatedLists.id, id)).for('update');
      if (!before) throw AppError.notFound('Curated list');
      await tx.update(curatedLists).set(values).where(eq(curatedLists.id, id));
      await writeAudit(tx, opts.actor, { action: 'curated_list.update', entity: 'curated_list', entityId: id, before, after: values });
    } else {
      await tx.insert(curatedLists).values({ id, ...values });
      await writeAudit(tx, opts.actor, { action: 'curated_list.create', entity: 'curated_list', entityId: id, after: values });
    }
  });
  return getCuratedList({ db: opts.db, actor: opts.actor, id });
}

/** Replaces the list's achievements (in the given order); only publicly visible achievements qualify. */
export async function setCuratedItems(opts: { db: Db; actor: Actor; id: string; achievementIds: string[] }) {
  requirePermission(opts.actor, 'catalog:curate');
  const ids = [...new Set(opts.achievementIds)];
  await opts.db.transaction(async (tx) => {
    const [list] = await tx.select().from(curatedLists).where(eq(curatedLists.id, opts.id)).for('update');
    if (!list) throw AppError.notFound('Curated list');
    const found = ids.length
      ? await tx
          .select({ id: achievements.id, status: achievements.status, restricted: achievements.restricted })
          .from(achievements)
          .where(inArray(achievements.id, ids))
      : [];
    const ok = new Set(found.filter((a) => PUBLIC_STATUSES.includes(a.status as never) && !a.restricted).map((a) => a.id));
    const bad = ids.findIndex((i) => !ok.has(i));
    if (bad >= 0) throw AppError.validation(`body.achievementIds.${bad}`, 'is not a published, unrestricted achievement');
    const before = (
      await tx.select({ id: curatedListItems.achievementId }).from(curatedListItems).where(eq(curatedListItems.listId, opts.id))
    ).map((r) => r.id);
    await tx.delete(curatedListItems).where(eq(curatedListItems.listId, opts.id));
    if (ids.length) await tx.insert(curatedListItems).values(ids.map((achievementId, sort) => ({ listId: opts.id, achievementId, sort })));
    await tx.update(curatedLists).set({ updatedAt: clock.now() }).where(eq(curatedLists.id, opts.id));
    await writeAudit(tx, opts.actor, {
      action: 'curated_list.set_items',
      entity: 'curated_list',
      entityId: opts.id,
      before: { achievementIds: before },
      after: { achievementIds: ids },
    });
  });
  return getCuratedList({ db: opts.db, actor: opts.actor, id: opts.id });
}
