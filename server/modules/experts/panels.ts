import { randomInt } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { contactsOf } from '../identity/members.js';
import { conflictOf, drawOrder, type ConflictReason, type Parties } from './conflicts.js';
import { experts, expertRelations, panelMembers, panelScores, reviewPanels } from './schema.js';
import { aggregateTotals, sheetOf, sheetTotal, type ScoreSheet } from './scoring.js';

/**
 * Review panels on the shared scoring engine. The module that owns the subject authorises opening a
 * panel (its officer opens a round's review, its registrar a contract's) and passes its transaction;
 * this module draws the experts, excludes conflicts, balances workload, replaces experts who declare a
 * conflict or decline, takes their scores and aggregates them — every step in the audit log.
 */
export const PANEL_SIZE = { min: 1, max: 15 } as const;

/** A seat's life: from which statuses, to which. */
export const MEMBER_TRANSITIONS = {
  score: { from: ['assigned'], to: 'scored' },
  declare_conflict: { from: ['assigned'], to: 'conflict' },
  decline: { from: ['assigned'], to: 'declined' },
} as const;
export type MemberStatus = 'assigned' | 'scored' | 'conflict' | 'declined';
export type PanelStatus = 'scoring' | 'complete';
const EXCUSED: readonly MemberStatus[] = ['conflict', 'declined'];

export interface OpenPanelInput {
  subjectType: string;
  subjectId: string;
  /** Shown to the experts in their assignments (defaults to the subject type and id). */
  subjectTitle?: string;
  sheetKey: string;
  size: number;
  fieldCode?: string | null;
  excludeOrganizationIds?: string[];
  excludeUserIds?: string[];
  dueAt?: Date | null;
}

export interface PanelMemberView {
  memberId: string;
  expertId: string;
  userId: string;
  name: string;
  title: string;
  organizationName: string;
  status: MemberStatus;
  reason: string | null;
  replacesMemberId: string | null;
  drawnAt: Date;
}

export interface PanelView {
  id: string;
  subjectType: string;
  subjectId: string;
  subjectTitle: string;
  sheet: ScoreSheet;
  size: number;
  fieldCode: string | null;
  dueAt: Date | null;
  status: PanelStatus;
  createdAt: Date;
  completedAt: Date | null;
  members: PanelMemberView[];
}

export interface PanelResult {
  complete: boolean;
  /** The aggregated score (highest and lowest dropped from 5 experts), once every seated expert scored. */
  mean: number | null;
  perExpert: Array<{
    memberId: string;
    expertId: string;
    name: string;
    status: MemberStatus;
    total: number | null;
    scores: Record<string, number> | null;
    comment: string | null;
    submittedAt: Date | null;
    dropped: boolean;
  }>;
  dropped: Array<{ expertId: string; total: number }>;
}

const random = () => randomInt(2 ** 32) / 2 ** 32;
const assignmentLink = (panelId: string) => `/workspace/assignments/${panelId}`;

type PanelRow = typeof reviewPanels.$inferSelect;

/**
 * The experts who could sit on the panel now: active, available, with an enabled account, in the field
 * (if given), not already drawn for it, without a conflict with its parties — each with the number of
 * open assignments. Conflicted experts are returned apart, with the reason, for the audit.
 */
async function candidatesFor(tx: DbOrTx, panel: Pick<PanelRow, 'id' | 'fieldCode' | 'excludeOrganizationIds' | 'excludeUserIds'>) {
  const pool = await tx
    .select()
    .from(experts)
    .where(and(eq(experts.active, true), eq(experts.available, true)));
  const inField = pool.filter((e) => e.userId !== null && (!panel.fieldCode || e.fieldCodes.includes(panel.fieldCode)));
  const enabled = await contactsOf(
    tx,
    inField.map((e) => e.userId!),
  );
  const seated = new Set(
    (await tx.select({ expertId: panelMembers.expertId }).from(panelMembers).where(eq(panelMembers.panelId, panel.id))).map(
      (r) => r.expertId,
    ),
  );
  const eligible = inField.filter((e) => enabled.has(e.userId!) && !seated.has(e.id));
  const ids = eligible.map((e) => e.id);
  const relations = ids.length ? await tx.select().from(expertRelations).where(inArray(expertRelations.expertId, ids)) : [];
  const loads = ids.length
    ? await tx
        .select({ expertId: panelMembers.expertId, n: count() })
        .from(panelMembers)
        .where(and(inArray(panelMembers.expertId, ids), eq(panelMembers.status, 'assigned')))
        .groupBy(panelMembers.expertId)
    : [];
  const loadOf = new Map(loads.map((l) => [l.expertId, Number(l.n)]));
  const parties: Parties = { organizationIds: panel.excludeOrganizationIds, userIds: panel.excludeUserIds };
  const year = clock.now().getUTCFullYear();
  const free: Array<(typeof eligible)[number] & { openAssignments: number }> = [];
  const conflicted: Array<{ expertId: string; name: string; reason: ConflictReason }> = [];
  for (const e of eligible) {
    const reason = conflictOf({ ...e, relations: relations.filter((r) => r.expertId === e.id) }, parties, year);
    if (reason) conflicted.push({ expertId: e.id, name: e.name, reason });
    else free.push({ ...e, openAssignments: loadOf.get(e.id) ?? 0 });
  }
  return { free, conflicted };
}

function seat(panelId: string, e: { id: string; userId: string | null }, now: Date, replacesMemberId: string | null = null) {
  return {
    id: newId(),
    panelId,
    expertId: e.id,
    userId: e.userId!,
    status: 'assigned' as MemberStatus,
    reason: null,
    replacesMemberId,
    drawnAt: now,
    excusedAt: null,
  };
}

async function tellDrawn(tx: Tx, panel: PanelRow, userIds: string[]) {
  await notify(tx, {
    userIds,
    kind: 'panel_assigned',
    title: `您被抽取为「${panel.subjectTitle}」的评审专家`,
    body: panel.dueAt ? `请于 ${panel.dueAt.toISOString().slice(0, 10)} 前完成评分；如有利益冲突请申报回避。` : '如有利益冲突请申报回避。',
    link: assignmentLink(panel.id),
    needsAction: true,
  });
}

/** Draws a panel at random from the pool (conflicts excluded, fewer open assignments first). */
export async function openPanel(
  tx: Tx,
  actor: Actor,
  input: OpenPanelInput,
): Promise<{ panelId: string; members: { expertId: string; userId: string; name: string }[] }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const sheet = sheetOf(input.sheetKey);
  if (!Number.isInteger(input.size) || input.size < PANEL_SIZE.min || input.size > PANEL_SIZE.max)
    throw AppError.validation('size', `must be a whole number from ${PANEL_SIZE.min} to ${PANEL_SIZE.max}`);
  const now = clock.now();
  const panel: PanelRow = {
    id: newId(),
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    subjectTitle: input.subjectTitle?.trim() || `${input.subjectType} ${input.subjectId}`,
    sheetKey: sheet.key,
    size: input.size,
    fieldCode: input.fieldCode ?? null,
    excludeOrganizationIds: [...new Set(input.excludeOrganizationIds ?? [])],
    excludeUserIds: [...new Set(input.excludeUserIds ?? [])],
    dueAt: input.dueAt ?? null,
    status: 'scoring',
    openedByUserId: actor.userId,
    createdAt: now,
    completedAt: null,
  };
  const { free, conflicted } = await candidatesFor(tx, panel);
  if (free.length < input.size) {
    throw new AppError(
      'conflict',
      `Only ${free.length} eligible experts${panel.fieldCode ? ` in field ${panel.fieldCode}` : ''} for a panel of ${input.size}`,
      { fields: [{ field: 'size', message: `only ${free.length} eligible experts (after conflicts and availability)` }] },
    );
  }
  const drawn = drawOrder(free, input.size, random);
  const seats = drawn.map((e) => seat(panel.id, e, now));
  await tx.insert(reviewPanels).values(panel);
  await tx.insert(panelMembers).values(seats);
  await writeAudit(tx, actor, {
    action: 'panel.open',
    entity: 'review_panel',
    entityId: panel.id,
    after: {
      subjectType: panel.subjectType,
      subjectId: panel.subjectId,
      sheetKey: panel.sheetKey,
      size: panel.size,
      fieldCode: panel.fieldCode,
      excludeOrganizationIds: panel.excludeOrganizationIds,
      excludeUserIds: panel.excludeUserIds,
      dueAt: panel.dueAt,
      eligible: free.length,
      excludedForConflict: conflicted,
      drawn: drawn.map((e) => ({ expertId: e.id, name: e.name, openAssignments: e.openAssignments })),
    },
  });
  await tellDrawn(
    tx,
    panel,
    seats.map((s) => s.userId),
  );
  return { panelId: panel.id, members: drawn.map((e) => ({ expertId: e.id, userId: e.userId!, name: e.name })) };
}

async function membersOf(tx: DbOrTx, panelId: string): Promise<PanelMemberView[]> {
  const rows = await tx
    .select({ m: panelMembers, name: experts.name, title: experts.title, organizationName: experts.organizationName })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(eq(panelMembers.panelId, panelId))
    .orderBy(asc(panelMembers.drawnAt), asc(panelMembers.id));
  return rows.map(({ m, name, title, organizationName }) => ({
    memberId: m.id,
    expertId: m.expertId,
    userId: m.userId,
    name,
    title,
    organizationName,
    status: m.status as MemberStatus,
    reason: m.reason,
    replacesMemberId: m.replacesMemberId,
    drawnAt: m.drawnAt,
  }));
}

function view(row: PanelRow, members: PanelMemberView[]): PanelView {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectTitle: row.subjectTitle,
    sheet: sheetOf(row.sheetKey),
    size: row.size,
    fieldCode: row.fieldCode,
    dueAt: row.dueAt,
    status: row.status as PanelStatus,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    members,
  };
}

/** The latest panel for a subject, or null. (The caller decides who may see it.) */
export async function panelOf(tx: DbOrTx, subjectType: string, subjectId: string): Promise<PanelView | null> {
  const [row] = await tx
    .select()
    .from(reviewPanels)
    .where(and(eq(reviewPanels.subjectType, subjectType), eq(reviewPanels.subjectId, subjectId)))
    .orderBy(desc(reviewPanels.createdAt), desc(reviewPanels.id))
    .limit(1);
  return row ? view(row, await membersOf(tx, row.id)) : null;
}

/** One panel by id, or null. */
export async function panelById(tx: DbOrTx, panelId: string): Promise<PanelView | null> {
  const [row] = await tx.select().from(reviewPanels).where(eq(reviewPanels.id, panelId));
  return row ? view(row, await membersOf(tx, row.id)) : null;
}

/** The panel and the acting expert's seat on it, locked; 404 to anyone without a seat. */
async function lockSeat(tx: Tx, actor: Actor, panelId: string) {
  requireUser(actor);
  const [panel] = await tx.select().from(reviewPanels).where(eq(reviewPanels.id, panelId)).for('update');
  const [member] = panel
    ? await tx
        .select()
        .from(panelMembers)
        .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.userId, actor.userId)))
        .orderBy(desc(panelMembers.drawnAt))
        .limit(1)
    : [];
  if (!panel || !member) throw AppError.notFound('Panel');
  return { panel, member };
}

function requireTransition(name: keyof typeof MEMBER_TRANSITIONS, status: string, panel: PanelRow) {
  if (panel.status !== 'scoring') throw AppError.conflict('The panel has finished scoring');
  if (!(MEMBER_TRANSITIONS[name].from as readonly string[]).includes(status))
    throw AppError.conflict(status === 'scored' ? 'You have already scored' : `Your seat is ${status}`);
}

/** The acting expert's scores on the panel's sheet (validated, final); completes the panel when the last one is in. */
export async function submitScores(
  tx: Tx,
  actor: Actor,
  panelId: string,
  input: { scores: Record<string, number>; comment?: string },
): Promise<void> {
  const { panel, member } = await lockSeat(tx, actor, panelId);
  requireTransition('score', member.status, panel);
  const sheet = sheetOf(panel.sheetKey);
  const total = sheetTotal(sheet, input.scores);
  const now = clock.now();
  const score = {
    id: newId(),
    panelId,
    memberId: member.id,
    expertId: member.expertId,
    scores: Object.fromEntries(sheet.criteria.map((c) => [c.key, input.scores[c.key]!])),
    total,
    comment: input.comment?.trim() || null,
    submittedAt: now,
  };
  await tx.insert(panelScores).values(score);
  await tx.update(panelMembers).set({ status: MEMBER_TRANSITIONS.score.to }).where(eq(panelMembers.id, member.id));
  await writeAudit(tx, actor, {
    action: 'panel.score',
    entity: 'review_panel',
    entityId: panelId,
    before: { memberId: member.id, status: member.status },
    after: { memberId: member.id, expertId: member.expertId, status: 'scored', scores: score.scores, total, comment: score.comment },
  });
  await completeIfDone(tx, actor, panel);
}

async function completeIfDone(tx: Tx, actor: Actor, panel: PanelRow) {
  const [open] = await tx
    .select({ n: count() })
    .from(panelMembers)
    .where(and(eq(panelMembers.panelId, panel.id), eq(panelMembers.status, 'assigned')));
  const [scored] = await tx
    .select({ n: count() })
    .from(panelMembers)
    .where(and(eq(panelMembers.panelId, panel.id), eq(panelMembers.status, 'scored')));
  if (Number(open?.n ?? 0) > 0 || Number(scored?.n ?? 0) === 0) return;
  const now = clock.now();
  await tx.update(reviewPanels).set({ status: 'complete', completedAt: now }).where(eq(reviewPanels.id, panel.id));
  const result = await panelResult(tx, panel.id);
  await writeAudit(tx, actor, {
    action: 'panel.complete',
    entity: 'review_panel',
    entityId: panel.id,
    before: { status: panel.status },
    after: { status: 'complete', mean: result.mean, dropped: result.dropped },
  });
  if (panel.openedByUserId)
    await notify(tx, {
      userIds: [panel.openedByUserId],
      kind: 'panel_complete',
      title: `「${panel.subjectTitle}」专家评分已完成`,
      body: `综合得分 ${result.mean}`,
    });
}

/** Excuses the acting expert (conflict of interest or refusal) and draws a replacement if the pool has one. */
async function excuse(tx: Tx, actor: Actor, panelId: string, kind: 'declare_conflict' | 'decline', reason: string) {
  const text = reason.trim();
  if (!text) throw AppError.validation('reason', 'say why');
  const { panel, member } = await lockSeat(tx, actor, panelId);
  requireTransition(kind, member.status, panel);
  const now = clock.now();
  const to = MEMBER_TRANSITIONS[kind].to;
  await tx.update(panelMembers).set({ status: to, reason: text, excusedAt: now }).where(eq(panelMembers.id, member.id));
  await writeAudit(tx, actor, {
    action: kind === 'decline' ? 'panel.decline' : 'panel.declare_conflict',
    entity: 'review_panel',
    entityId: panelId,
    before: { memberId: member.id, status: member.status },
    after: { memberId: member.id, expertId: member.expertId, status: to, reason: text },
  });
  const { free, conflicted } = await candidatesFor(tx, panel);
  const [next] = drawOrder(free, 1, random);
  if (!next) {
    await writeAudit(tx, actor, {
      action: 'panel.replacement_unavailable',
      entity: 'review_panel',
      entityId: panelId,
      after: { replacesMemberId: member.id, excludedForConflict: conflicted },
    });
    if (panel.openedByUserId)
      await notify(tx, {
        userIds: [panel.openedByUserId],
        kind: 'panel_short',
        title: `「${panel.subjectTitle}」评审专家回避后无可替补专家`,
        body: '专家库中暂无符合条件的专家，请补充专家或调整评审安排。',
        needsAction: true,
      });
    await completeIfDone(tx, actor, panel);
    return;
  }
  const s = seat(panelId, next, now, member.id);
  await tx.insert(panelMembers).values(s);
  await writeAudit(tx, actor, {
    action: 'panel.replace',
    entity: 'review_panel',
    entityId: panelId,
    after: {
      replacesMemberId: member.id,
      memberId: s.id,
      expertId: next.id,
      name: next.name,
      openAssignments: next.openAssignments,
      eligible: free.length,
      excludedForConflict: conflicted,
    },
  });
  await tellDrawn(tx, panel, [s.userId]);
}

/** The acting expert declares a conflict of interest (回避): excused, a replacement is drawn. */
export async function declareConflict(tx: Tx, actor: Actor, panelId: string, reason: string): Promise<void> {
  await excuse(tx, actor, panelId, 'declare_conflict', reason);
}

/** The acting expert declines the assignment (unavailable): excused, a replacement is drawn. */
export async function declineAssignment(tx: Tx, actor: Actor, panelId: string, reason: string): Promise<void> {
  await excuse(tx, actor, panelId, 'decline', reason);
}

/** Per-expert scores and the aggregate (only when complete). The caller decides who may see it. */
export async function panelResult(tx: DbOrTx, panelId: string): Promise<PanelResult> {
  const [panel] = await tx.select().from(reviewPanels).where(eq(reviewPanels.id, panelId));
  if (!panel) throw AppError.notFound('Panel');
  const members = await membersOf(tx, panelId);
  const scores = await tx.select().from(panelScores).where(eq(panelScores.panelId, panelId));
  const byMember = new Map(scores.map((s) => [s.memberId, s]));
  const complete = panel.status === 'complete';
  const agg = complete && scores.length ? aggregateTotals(scores.map((s) => s.total)) : null;
  // Which seats were dropped: one member holding the lowest total and one holding the highest.
  const droppedMembers = new Set<string>();
  if (agg?.dropped.length) {
    const sorted = [...scores].sort((a, b) => a.total - b.total || a.memberId.localeCompare(b.memberId));
    droppedMembers.add(sorted[0]!.memberId);
    droppedMembers.add(sorted[sorted.length - 1]!.memberId);
  }
  const perExpert = members
    .filter((m) => !EXCUSED.includes(m.status) || byMember.has(m.memberId))
    .map((m) => {
      const s = byMember.get(m.memberId);
      return {
        memberId: m.memberId,
        expertId: m.expertId,
        name: m.name,
        status: m.status,
        total: s?.total ?? null,
        scores: s?.scores ?? null,
        comment: s?.comment ?? null,
        submittedAt: s?.submittedAt ?? null,
        dropped: droppedMembers.has(m.memberId),
      };
    });
  return {
    complete,
    mean: agg?.mean ?? null,
    perExpert,
    dropped: perExpert.filter((p) => p.dropped).map((p) => ({ expertId: p.expertId, total: p.total! })),
  };
}

/** The acting user's seats (their expert workspace), open ones first, then the most recent. */
export async function assignmentsOf(tx: DbOrTx, actor: Actor, opts: { status?: 'open' | 'all' } = {}) {
  requireUser(actor);
  const rows = await tx
    .select({ m: panelMembers, p: reviewPanels, s: panelScores })
    .from(panelMembers)
    .innerJoin(reviewPanels, eq(reviewPanels.id, panelMembers.panelId))
    .leftJoin(panelScores, eq(panelScores.memberId, panelMembers.id))
    .where(
      and(
        eq(panelMembers.userId, actor.userId),
        opts.status === 'open' ? eq(panelMembers.status, 'assigned') : ne(panelMembers.status, ''),
      ),
    )
    .orderBy(desc(panelMembers.drawnAt));
  return rows
    .map(({ m, p, s }) => ({
      panelId: p.id,
      memberId: m.id,
      subjectType: p.subjectType,
      subjectId: p.subjectId,
      subjectTitle: p.subjectTitle,
      sheet: sheetOf(p.sheetKey),
      dueAt: p.dueAt,
      panelStatus: p.status as PanelStatus,
      status: m.status as MemberStatus,
      reason: m.reason,
      drawnAt: m.drawnAt,
      myScores: s ? { scores: s.scores, total: s.total, comment: s.comment, submittedAt: s.submittedAt } : null,
    }))
    .sort((a, b) => Number(b.status === 'assigned') - Number(a.status === 'assigned'));
}
