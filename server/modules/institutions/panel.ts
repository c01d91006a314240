import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { notify } from '../alerts/notify.js';
import { loadGrantRows } from '../identity/grants.js';
import { aggregateTotals, DEMONSTRATION_SHEET, sheetTotal } from './scoring.js';
import { demonstrationScores } from './schema.js';

/**
 * The scorers of an application and their sheets. Scorers are experts (role `expert`) named by a
 * certifier; an expert of the applicant organisation is excluded (conflict of interest).
 */
export interface PanelResult {
  scorers: Array<{ userId: string; total: number | null; dropped: boolean }>;
  scored: number;
  complete: boolean;
  mean: number | null;
}

export async function assignScorers(
  tx: Tx,
  actor: Actor,
  app: { id: string; organizationId: string },
  expertUserIds: string[],
): Promise<void> {
  const ids = [...new Set(expertUserIds)];
  const grants = await loadGrantRows(tx, ids);
  ids.forEach((id, i) => {
    const g = grants.get(id) ?? [];
    if (!g.some((r) => r.role === 'expert')) throw AppError.validation(`body.expertUserIds.${i}`, 'is not an expert');
    if (g.some((r) => r.organizationId === app.organizationId))
      throw AppError.validation(`body.expertUserIds.${i}`, 'belongs to the applicant organisation (conflict of interest)');
  });
  const existing = await tx
    .select({ userId: demonstrationScores.expertUserId })
    .from(demonstrationScores)
    .where(eq(demonstrationScores.applicationId, app.id));
  const have = new Set(existing.map((e) => e.userId));
  const added = ids.filter((id) => !have.has(id));
  if (added.length === 0) return;
  const now = clock.now();
  await tx.insert(demonstrationScores).values(added.map((expertUserId) => ({ applicationId: app.id, expertUserId, assignedAt: now })));
  await writeAudit(tx, actor, {
    action: 'demonstration_application.assign_scorers',
    entity: 'demonstration_application',
    entityId: app.id,
    organizationId: app.organizationId,
    after: { expertUserIds: added },
  });
  await notify(tx, {
    userIds: added,
    kind: 'demonstration_to_score',
    title: '您有一份技术转移示范机构申报待评分',
    link: `/workspace/demonstration/${app.id}`,
    needsAction: true,
  });
}

export async function isScorer(db: DbOrTx, applicationId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [row] = await db
    .select({ id: demonstrationScores.expertUserId })
    .from(demonstrationScores)
    .where(and(eq(demonstrationScores.applicationId, applicationId), eq(demonstrationScores.expertUserId, userId)));
  return !!row;
}

export async function recordScores(
  tx: Tx,
  actor: Actor & { userId: string },
  app: { id: string; organizationId: string },
  input: { scores: Record<string, number>; comment?: string },
): Promise<void> {
  const total = sheetTotal(DEMONSTRATION_SHEET, input.scores);
  const [row] = await tx
    .select()
    .from(demonstrationScores)
    .where(and(eq(demonstrationScores.applicationId, app.id), eq(demonstrationScores.expertUserId, actor.userId)))
    .for('update');
  if (!row) throw AppError.notFound('Application');
  await tx
    .update(demonstrationScores)
    .set({ scores: input.scores, total, comment: input.comment ?? null, scoredAt: clock.now() })
    .where(and(eq(demonstrationScores.applicationId, app.id), eq(demonstrationScores.expertUserId, actor.userId)));
  await writeAudit(tx, actor, {
    action: 'demonstration_application.score',
    entity: 'demonstration_application',
    entityId: app.id,
    organizationId: app.organizationId,
    before: row.scores ? { scores: row.scores, total: row.total } : null,
    after: { scores: input.scores, total, comment: input.comment ?? null },
  });
}

export async function myScores(db: DbOrTx, applicationId: string, userId: string): Promise<Record<string, number> | null> {
  const [row] = await db
    .select({ scores: demonstrationScores.scores })
    .from(demonstrationScores)
    .where(and(eq(demonstrationScores.applicationId, applicationId), eq(demonstrationScores.expertUserId, userId)));
  return row?.scores ?? null;
}

/** Per application: each scorer's total, which were dropped, and the mean (drop high/low at ≥ 5 totals). */
export async function panelResults(db: DbOrTx, applicationIds: string[]): Promise<Map<string, PanelResult>> {
  const out = new Map<string, PanelResult>(applicationIds.map((id) => [id, { scorers: [], scored: 0, complete: false, mean: null }]));
  if (applicationIds.length === 0) return out;
  const rows = await db.select().from(demonstrationScores).where(inArray(demonstrationScores.applicationId, applicationIds));
  for (const id of applicationIds) {
    const mine = rows.filter((r) => r.applicationId === id).sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime());
    const totals = mine.flatMap((r) => (r.total === null ? [] : [r.total]));
    const agg = aggregateTotals(totals);
    const dropped = [...agg.dropped];
    const scorers = mine.map((r) => {
      const i = r.total === null ? -1 : dropped.indexOf(r.total);
      if (i >= 0) dropped.splice(i, 1);
      return { userId: r.expertUserId, total: r.total, dropped: i >= 0 };
    });
    out.set(id, {
      scorers,
      scored: totals.length,
      complete: mine.length > 0 && totals.length === mine.length,
      mean: totals.length ? agg.mean : null,
    });
  }
  return out;
}
