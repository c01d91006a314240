import { and, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { NoticeCreateBody, NoticeStatus, NoticeView } from '../../../common/api/trading.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { memberNamesAmong, namesOf } from '../identity/repository.js';
import { regionsJoinable } from '../organizations/repository.js';
import { tradeAgreementNotices, tradeObjections } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { calendarDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { endTrade, requireTradableAchievement, startTrade } from './catalog-bridge.js';
import { NOTICE_TRANSITIONS, requireTransition, UNRESOLVED_OBJECTION } from './lifecycle.js';
import { TRADING_PARAMETERS } from './parameters.js';
import { partiesFor } from './policy.js';
import { presentNotice, type ObjectorInfo } from './presenter.js';
import {
  countTrades,
  loadObjections,
  loadOrg,
  loadOrgRefs,
  loadTrade,
  loadTrades,
  type LoadedObjection,
  type Loaded,
  type NoticeRow,
} from './records.js';

/** Agreement notices (协议定价公示). Objections are in objections.ts; concluding in closing.ts. */

/**
 * Why a buyer counts as related (关联方): the owner's declaration, the buyer being the owner, or a
 * member of the buying organisation bearing the name of a member of the achievement's team.
 */
async function relatedPartyReasons(
  db: DbOrTx,
  opts: { declared: boolean; note?: string; sellerId: string; buyerId: string; team: Array<{ name: string }> },
): Promise<string[]> {
  const reasons: string[] = [];
  if (opts.declared) reasons.push(opts.note?.trim() ? `卖方申报存在关联关系：${opts.note.trim()}` : '卖方申报存在关联关系');
  if (opts.sellerId === opts.buyerId) reasons.push('受让方即成果所属单位');
  const names = [...new Set(opts.team.map((m) => m.name.trim()).filter(Boolean))];
  if (names.length) {
    for (const name of await memberNamesAmong(db, opts.buyerId, names)) reasons.push(`受让方成员 ${name} 与成果完成团队成员同名`);
  }
  return reasons;
}

export async function createNotice(opts: { db: Db; actor: Actor; input: NoticeCreateBody }) {
  requirePermission(opts.actor, 'trade:initiate');
  const input = opts.input;
  const rec = await requireTradableAchievement({ db: opts.db, actor: opts.actor, achievementId: input.achievementId });
  if (!(rec.row.transferModes as string[]).includes(input.transferMode))
    throw AppError.validation('body.transferMode', 'is not one of the achievement’s transfer modes');
  const buyer = await loadOrg(opts.db, input.buyerOrganizationId);
  if (!buyer || buyer.status !== 'active') throw AppError.validation('body.buyerOrganizationId', 'is not an active organisation');
  if (buyer.id === rec.row.organizationId)
    throw AppError.validation('body.buyerOrganizationId', 'must be another organisation than the seller');
  const reasons = await relatedPartyReasons(opts.db, {
    declared: input.relatedParty,
    note: input.relationNote,
    sellerId: rec.row.organizationId,
    buyerId: buyer.id,
    team: rec.row.team,
  });
  const id = newId();
  await opts.db.transaction(async (tx) => {
    await startTrade(tx, rec.row.id);
    const now = clock.now();
    const days = TRADING_PARAMETERS.noticeDays;
    const values = {
      id,
      achievementId: rec.row.id,
      organizationId: rec.row.organizationId,
      regionCode: rec.row.regionCode,
      status: 'posted',
      title: rec.row.title,
      achievementSummary: rec.row.summary,
      fieldCode: rec.row.fieldCode,
      transferMode: input.transferMode,
      pricingBasis: input.pricingBasis ?? null,
      approvals: input.approvals,
      buyerOrganizationId: buyer.id,
      priceFen: input.priceFen,
      summary: input.summary,
      relatedParty: input.relatedParty,
      relatedPartyReasons: reasons,
      relationNote: input.relationNote ?? null,
      postedAt: now,
      endsAt: calendarDayDeadline(now, days),
      noticeDays: days,
      createdBy: opts.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(tradeAgreementNotices).values(values);
    await writeAudit(tx, opts.actor, {
      action: 'notice.post',
      entity: 'agreement_notice',
      entityId: id,
      organizationId: values.organizationId,
      after: values,
    });
  });
  return getNotice({ db: opts.db, actor: opts.actor, id });
}

/** Who filed each objection (name and organisation), for those allowed to see it. */
export async function objectorsOf(db: DbOrTx, objections: LoadedObjection[]): Promise<Map<string, ObjectorInfo>> {
  const userIds = [...new Set(objections.map((o) => o.row.objectorUserId))];
  if (userIds.length === 0) return new Map();
  const names = await namesOf(db, userIds);
  const orgs = await loadOrgRefs(
    db,
    objections.flatMap((o) => (o.row.objectorOrganizationId ? [o.row.objectorOrganizationId] : [])),
  );
  return new Map(
    objections.map((o) => [
      o.row.id,
      {
        name: names.find((n) => n.id === o.row.objectorUserId)?.name ?? '',
        organization: o.row.objectorOrganizationId ? (orgs.get(o.row.objectorOrganizationId) ?? null) : null,
      },
    ]),
  );
}

export async function presentNotices(db: Db, actor: Actor, notices: Loaded<NoticeRow>[]): Promise<NoticeView[]> {
  const ids = notices.map((n) => n.row.id);
  if (ids.length === 0) return [];
  const objections = await loadObjections(db, inArray(tradeObjections.noticeId, ids));
  const objectors = await objectorsOf(db, objections);
  const buyers = await loadOrgRefs(
    db,
    notices.map((n) => n.row.buyerOrganizationId),
  );
  const now = clock.now();
  return notices.map((n) =>
    presentNotice(n, actor, now, {
      buyer: buyers.get(n.row.buyerOrganizationId)!,
      objections: objections.filter((o) => o.row.noticeId === n.row.id),
      objectors,
    }),
  );
}

export async function getNotice(opts: { db: Db; actor: Actor; id: string }): Promise<NoticeView> {
  const n = await loadTrade(opts.db, 'notice', opts.id);
  if (!n) throw AppError.notFound('Notice');
  return (await presentNotices(opts.db, opts.actor, [n]))[0]!;
}

const unresolvedExists = sql`EXISTS (SELECT 1 FROM trade_objections o WHERE o.notice_id = ${tradeAgreementNotices.id} AND o.status IN ('open', 'answered'))`;

export function noticeStatusWhere(status: NoticeStatus | undefined, now: Date): SQL | undefined {
  const posted = eq(tradeAgreementNotices.status, 'posted');
  switch (status) {
    case undefined:
      return undefined;
    case 'posted':
      return and(posted, or(gt(tradeAgreementNotices.endsAt, now), sql`NOT ${unresolvedExists}`));
    case 'awaiting_resolution':
      return and(posted, lte(tradeAgreementNotices.endsAt, now), unresolvedExists);
    default:
      return eq(tradeAgreementNotices.status, status);
  }
}

export async function listNotices(opts: { db: Db; actor: Actor; status?: NoticeStatus; where?: SQL; limit: number; offset: number }) {
  const where = and(noticeStatusWhere(opts.status, clock.now()), opts.where);
  const rows = await loadTrades(opts.db, 'notice', where, {
    limit: opts.limit,
    offset: opts.offset,
    order: opts.status === 'posted' ? 'ends_soonest' : 'newest',
  });
  return { items: await presentNotices(opts.db, opts.actor, rows), total: await countTrades(opts.db, 'notice', where) };
}

/** The owner withdraws a notice under way; the achievement returns to the catalogue. */
export async function withdrawNotice(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  requirePermission(opts.actor, 'trade:initiate');
  await opts.db.transaction(async (tx) => {
    const n = await loadTrade(tx, 'notice', opts.id, true);
    if (!n) throw AppError.notFound('Notice');
    const parties = partiesFor(opts.actor, { organizationId: n.row.organizationId, regionPath: n.regionPath });
    const to = requireTransition(
      'notice',
      'withdraw',
      NOTICE_TRANSITIONS.withdraw,
      n.row.status,
      parties.filter((p) => p === 'owner'),
    );
    const now = clock.now();
    await tx.update(tradeAgreementNotices).set({ status: to, endedAt: now, updatedAt: now }).where(eq(tradeAgreementNotices.id, n.row.id));
    await writeAudit(tx, opts.actor, {
      action: 'notice.withdraw',
      entity: 'agreement_notice',
      entityId: n.row.id,
      organizationId: n.row.organizationId,
      before: { status: n.row.status },
      after: { status: to, reason: opts.reason },
    });
    await endTrade(tx, n.row.achievementId);
  });
  return getNotice(opts);
}

/** Officials see objections to notices in their region (platform admins everywhere). */
export function objectionScope(actor: Actor, governed: string[], admin: boolean): SQL | undefined {
  if (admin) return undefined;
  if (governed.length === 0) return sql`false`;
  const regions = regionsJoinable();
  return or(...governed.map((root) => sql`${regions.path} LIKE ${root + '%'}`));
}

export const UNRESOLVED = [...UNRESOLVED_OBJECTION];
