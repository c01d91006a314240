import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { requireUser, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { experts, panelMembers, panelScores, reviewPanels } from './schema.js';
import { aggregateTotals, sheetOf, type ScoreSheet } from './scoring.js';

/** The read side of review panels: a panel with its members, its result, an expert's assignments. */

/** A seat's life: from which statuses, to which. */
export const MEMBER_TRANSITIONS = {
  score: { from: ['assigned'], to: 'scored' },
  declare_conflict: { from: ['assigned'], to: 'conflict' },
  decline: { from: ['assigned'], to: 'declined' },
} as const;
export type MemberStatus = 'assigned' | 'scored' | 'conflict' | 'declined';
export type PanelStatus = 'scoring' | 'complete';
export const EXCUSED: readonly MemberStatus[] = ['conflict', 'declined'];

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

export type PanelRow = typeof reviewPanels.$inferSelect;

export async function membersOf(tx: DbOrTx, panelId: string): Promise<PanelMemberView[]> {
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
    .where(and(eq(panelMembers.userId, actor.userId), opts.status === 'open' ? eq(panelMembers.status, 'assigned') : undefined))
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
