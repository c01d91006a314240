import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { openPanel, panelOf, panelResult } from '../experts/panels.js';

/**
 * Demonstration applications are scored on the shared scoring engine (server/modules/experts): a
 * panel drawn at random from the expert pool, experts of the applicant excluded, scored on the
 * `demonstration_institution` sheet in the experts' workspace; the engine aggregates (highest and
 * lowest dropped from five experts).
 */
export const SUBJECT_TYPE = 'demonstration_application';
export const SHEET_KEY = 'demonstration_institution';

export interface PanelSummary {
  panelId: string;
  scorers: Array<{ userId: string; name: string; total: number | null; dropped: boolean }>;
  scored: number;
  complete: boolean;
  mean: number | null;
}

export async function drawPanel(
  tx: Tx,
  actor: Actor,
  app: { id: string; organizationId: string; title: string },
  size: number,
  dueAt: Date | null,
) {
  return openPanel(tx, actor, {
    subjectType: SUBJECT_TYPE,
    subjectId: app.id,
    subjectTitle: app.title,
    sheetKey: SHEET_KEY,
    size,
    excludeOrganizationIds: [app.organizationId],
    dueAt,
  });
}

/** The application's panel with each seated expert's total (null until scored) and the aggregate once complete. */
export async function panelSummary(db: DbOrTx, applicationId: string): Promise<PanelSummary | null> {
  const panel = await panelOf(db, SUBJECT_TYPE, applicationId);
  if (!panel) return null;
  const result = await panelResult(db, panel.id);
  const userOf = new Map(panel.members.map((m) => [m.memberId, m.userId]));
  return {
    panelId: panel.id,
    scorers: result.perExpert.map((p) => ({ userId: userOf.get(p.memberId) ?? '', name: p.name, total: p.total, dropped: p.dropped })),
    scored: result.perExpert.filter((p) => p.total !== null).length,
    complete: result.complete,
    mean: result.mean,
  };
}

/** Is the user seated (not excused) on the application's panel? */
export async function isScorer(db: DbOrTx, applicationId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const panel = await panelOf(db, SUBJECT_TYPE, applicationId);
  return !!panel?.members.some((m) => m.userId === userId && (m.status === 'assigned' || m.status === 'scored'));
}

export async function myScores(db: DbOrTx, applicationId: string, userId: string): Promise<Record<string, number> | null> {
  const panel = await panelOf(db, SUBJECT_TYPE, applicationId);
  if (!panel) return null;
  const member = panel.members.find((m) => m.userId === userId);
  if (!member) return null;
  return (await panelResult(db, panel.id)).perExpert.find((p) => p.memberId === member.memberId)?.scores ?? null;
}
