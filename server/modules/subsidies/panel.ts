import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { registeredContractsOf } from '../contracts/lookups.js';
import { openPanel, panelOf, panelResult } from '../experts/panels.js';

/**
 * The expert review of an application runs on the shared panels engine (server/modules/experts):
 * passing the district's formal check draws a panel at random from the expert pool, of the
 * programme's `minReviewers` experts, scored on the `subsidy_application` sheet in the experts'
 * workspace; the engine aggregates (highest and lowest dropped from five experts). Conflicts of
 * interest are excluded by the engine: experts of the applicant, and of every other party (seller,
 * buyer, intermediary) of the contracts claimed, with their declared relations to them.
 */
export const SUBJECT_TYPE = 'subsidy_application';
export const SHEET_KEY = 'subsidy_application';

export interface ReviewPanelSummary {
  panelId: string;
  size: number;
  scored: number;
  complete: boolean;
  mean: number | null;
  reviews: Array<{
    reviewerName: string;
    status: string;
    scores: Record<string, number> | null;
    total: number | null;
    comment: string | null;
  }>;
}

/** The organisations on the other side of the application's claimed contracts (and the applicant). */
async function partiesOf(db: DbOrTx, app: { organizationId: string; contractIds: string[] }): Promise<string[]> {
  const contracts = await registeredContractsOf(db, {
    organizationId: app.organizationId,
    roles: ['seller', 'buyer', 'intermediary'],
    ids: app.contractIds,
  });
  const ids = new Set([app.organizationId]);
  for (const c of contracts)
    for (const id of [c.sellerOrganizationId, c.buyerOrganizationId, c.intermediaryOrganizationId]) if (id) ids.add(id);
  return [...ids];
}

export async function drawReviewPanel(
  tx: Tx,
  actor: Actor,
  app: { id: string; organizationId: string; contractIds: string[]; title: string },
  size: number,
) {
  return openPanel(tx, actor, {
    subjectType: SUBJECT_TYPE,
    subjectId: app.id,
    subjectTitle: app.title,
    sheetKey: SHEET_KEY,
    size,
    excludeOrganizationIds: await partiesOf(tx, app),
  });
}

/** The application's latest panel with each seated expert's sheet (null until scored) and the aggregate once complete. */
export async function reviewPanelOf(db: DbOrTx, applicationId: string): Promise<ReviewPanelSummary | null> {
  const panel = await panelOf(db, SUBJECT_TYPE, applicationId);
  if (!panel) return null;
  const result = await panelResult(db, panel.id);
  return {
    panelId: panel.id,
    size: panel.size,
    scored: result.perExpert.filter((p) => p.total !== null).length,
    complete: result.complete,
    mean: result.mean,
    reviews: result.perExpert.map((p) => ({
      reviewerName: p.name,
      status: p.status,
      scores: p.scores,
      total: p.total,
      comment: p.comment,
    })),
  };
}
