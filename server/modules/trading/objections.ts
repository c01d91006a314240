import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { ObjectionStatus, ObjectionView } from '../../../common/api/trading.js';
import type { Db } from '../../db/client.js';
import { tradeAgreementNotices, tradeObjections } from './schema.js';
import { governedRegionPaths, isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { notifyObjectionAnswered, notifyObjectionFiled, notifyObjectionResolved } from './notifications.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { endTrade } from './catalog-bridge.js';
import { concludeNoticeIn } from './closing.js';
import { NOTICE_TRANSITIONS, OBJECTION_TRANSITIONS, requireTransition, UNRESOLVED_OBJECTION } from './lifecycle.js';
import { partiesFor } from './policy.js';
import { presentObjection } from './presenter.js';
import { countObjections, loadObjections, loadTrade, type LoadedObjection } from './records.js';
import { objectionScope, objectorsOf } from './notices.js';

/** Objections (异议) to agreement notices: anyone logged in files, the owner answers, an official resolves. */

export async function presentObjections(db: Db, actor: Actor, list: LoadedObjection[]): Promise<ObjectionView[]> {
  const objectors = await objectorsOf(db, list);
  const now = clock.now();
  return list.map((o) => presentObjection(o, actor, now, objectors.get(o.row.id) ?? null));
}

async function getObjection(db: Db, actor: Actor, id: string): Promise<ObjectionView> {
  const [o] = await loadObjections(db, eq(tradeObjections.id, id), { limit: 1 });
  if (!o) throw AppError.notFound('Objection');
  return (await presentObjections(db, actor, [o]))[0]!;
}

/** Anyone logged in may object while the notice period runs; the objection keeps the deal from standing until resolved. */
export async function fileObjection(opts: { db: Db; actor: Actor; noticeId: string; grounds: string }) {
  requireUser(opts.actor);
  const id = newId();
  await opts.db.transaction(async (tx) => {
    const n = await loadTrade(tx, 'notice', opts.noticeId, true);
    if (!n) throw AppError.notFound('Notice');
    const now = clock.now();
    if (n.row.status !== 'posted' || now >= n.row.endsAt)
      throw AppError.conflict('The notice period is over; objections are no longer taken');
    const orgId = organizationIdsOf(opts.actor)[0] ?? null;
    const values = {
      id,
      noticeId: n.row.id,
      status: 'open',
      grounds: opts.grounds,
      objectorUserId: opts.actor.userId!,
      objectorOrganizationId: orgId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(tradeObjections).values(values);
    await writeAudit(tx, opts.actor, {
      action: 'objection.file',
      entity: 'objection',
      entityId: id,
      organizationId: n.row.organizationId,
      after: { noticeId: n.row.id, status: 'open', grounds: opts.grounds },
    });
    await notifyObjectionFiled(tx, n.row, opts.actor.userId!);
  });
  return getObjection(opts.db, opts.actor, id);
}

/** Locks the notice, then the objection (the order concluding uses), and says who the actor is for it. */
async function lockObjection(tx: Parameters<Parameters<Db['transaction']>[0]>[0], actor: Actor, id: string) {
  const [found] = await loadObjections(tx, eq(tradeObjections.id, id), { limit: 1 });
  if (!found) throw AppError.notFound('Objection');
  const n = await loadTrade(tx, 'notice', found.row.noticeId, true);
  const [o] = await loadObjections(tx, eq(tradeObjections.id, id), { limit: 1, forUpdate: true });
  const parties = partiesFor(actor, { organizationId: n!.row.organizationId, regionPath: n!.regionPath });
  return { notice: n!, objection: o!, parties };
}

/** The notice's owner answers (and may answer again) while the notice stands. */
export async function answerObjection(opts: { db: Db; actor: Actor; id: string; answer: string }) {
  requirePermission(opts.actor, 'trade:initiate');
  await opts.db.transaction(async (tx) => {
    const { notice, objection, parties } = await lockObjection(tx, opts.actor, opts.id);
    const to = requireTransition(
      'objection',
      'answer',
      OBJECTION_TRANSITIONS.answer,
      objection.row.status,
      parties.filter((p) => p === 'owner'),
    );
    if (notice.row.status !== 'posted') throw AppError.conflict(`The notice is ${notice.row.status}`);
    const now = clock.now();
    await tx
      .update(tradeObjections)
      .set({ status: to, answer: opts.answer, answeredBy: opts.actor.userId, answeredAt: now, updatedAt: now })
      .where(eq(tradeObjections.id, objection.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'objection.answer',
      entity: 'objection',
      entityId: objection.row.id,
      organizationId: notice.row.organizationId,
      before: { status: objection.row.status },
      after: { status: to, answer: opts.answer },
    });
    await notifyObjectionAnswered(tx, notice.row, objection.row.objectorUserId, opts.answer);
  });
  return getObjection(opts.db, opts.actor, opts.id);
}

/**
 * An official over the notice's region resolves: upheld → the notice is void and the achievement
 * returns to the catalogue; dismissed → if the period is over and nothing else is open, the deal
 * stands at once.
 */
export async function resolveObjection(opts: { db: Db; actor: Actor; id: string; decision: 'upheld' | 'dismissed'; reason: string }) {
  requirePermission(opts.actor, 'trade:oversee');
  await opts.db.transaction(async (tx) => {
    const { notice, objection, parties } = await lockObjection(tx, opts.actor, opts.id);
    if (!parties.includes('official')) throw AppError.notFound('Objection');
    const name = opts.decision === 'upheld' ? 'uphold' : 'dismiss';
    const to = requireTransition('objection', name, OBJECTION_TRANSITIONS[name], objection.row.status, ['official']);
    if (notice.row.status !== 'posted') throw AppError.conflict(`The notice is ${notice.row.status}`);
    const now = clock.now();
    await tx
      .update(tradeObjections)
      .set({
        status: to,
        decision: opts.decision,
        resolutionReason: opts.reason,
        resolvedBy: opts.actor.userId,
        resolvedAt: now,
        updatedAt: now,
      })
      .where(eq(tradeObjections.id, objection.row.id));
    await writeAudit(tx, opts.actor, {
      action: `objection.${name}`,
      entity: 'objection',
      entityId: objection.row.id,
      organizationId: notice.row.organizationId,
      before: { status: objection.row.status },
      after: { status: to, reason: opts.reason },
    });
    await notifyObjectionResolved(tx, notice.row, objection.row.objectorUserId, opts.decision, opts.reason, opts.actor.userId);
    if (name === 'uphold') {
      const voided = NOTICE_TRANSITIONS.void.to;
      await tx
        .update(tradeAgreementNotices)
        .set({ status: voided, endedAt: now, updatedAt: now })
        .where(eq(tradeAgreementNotices.id, notice.row.id));
      await writeAudit(tx, opts.actor, {
        action: 'notice.void',
        entity: 'agreement_notice',
        entityId: notice.row.id,
        organizationId: notice.row.organizationId,
        before: { status: notice.row.status },
        after: { status: voided, objectionId: objection.row.id },
      });
      await endTrade(tx, notice.row.achievementId);
    } else {
      await concludeNoticeIn(tx, opts.actor, notice.row.id);
    }
  });
  return getObjection(opts.db, opts.actor, opts.id);
}

/** Objections for officials: their region's (platform admins: all), optionally by status (`unresolved` = open or answered). */
export async function listObjectionsForOfficial(opts: {
  db: Db;
  actor: Actor;
  status?: ObjectionStatus | 'unresolved';
  limit: number;
  offset: number;
}) {
  requirePermission(opts.actor, 'trade:oversee');
  const scope = objectionScope(opts.actor, governedRegionPaths(opts.actor), isPlatformAdmin(opts.actor));
  const status: SQL | undefined =
    opts.status === 'unresolved'
      ? inArray(tradeObjections.status, [...UNRESOLVED_OBJECTION])
      : opts.status
        ? eq(tradeObjections.status, opts.status)
        : undefined;
  const where = and(scope, status);
  const rows = await loadObjections(opts.db, where, { limit: opts.limit, offset: opts.offset });
  return { items: await presentObjections(opts.db, opts.actor, rows), total: await countObjections(opts.db, where) };
}
