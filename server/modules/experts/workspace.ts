import type { Db } from '../../db/client.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { partiesFor } from '../catalog/policy.js';
import { facts } from '../catalog/records.js';
import { getRecord } from '../catalog/service.js';
import { technicalFieldNames } from '../catalog/repository.js';
import { demandTerms, scoreExpert } from './match.js';
import { assignmentsOf, declareConflict, declineAssignment, panelById, panelOf, panelResult, submitScores } from './panels.js';
import { activeExperts, isStaff, type ExpertRow } from './service.js';

/**
 * The routes' entry points to the engine: each runs one transaction for the acting user. The expert's
 * workspace (assignments, scores, conflicts, refusals), staff's view of a panel's result, and the
 * experts matched to a demand.
 */
export async function listMyAssignments(opts: { db: Db; actor: Actor; status: 'open' | 'all' }) {
  requirePermission(opts.actor, 'expert:score');
  return assignmentsOf(opts.db, opts.actor, { status: opts.status });
}

export async function myAssignment(opts: { db: Db; actor: Actor; panelId: string }) {
  const found = (await assignmentsOf(opts.db, opts.actor)).find((a) => a.panelId === opts.panelId);
  if (!found) throw AppError.notFound('Panel');
  return found;
}

export async function scoreAssignment(opts: { db: Db; actor: Actor; panelId: string; scores: Record<string, number>; comment?: string }) {
  requirePermission(opts.actor, 'expert:score');
  try {
    await opts.db.transaction((tx) => submitScores(tx, opts.actor, opts.panelId, { scores: opts.scores, comment: opts.comment }));
  } catch (err) {
    // The engine names fields relative to its input; over HTTP they are in the body.
    if (err instanceof AppError && err.code === 'validation_failed' && err.fields)
      throw new AppError('validation_failed', err.message, { fields: err.fields.map((f) => ({ ...f, field: `body.${f.field}` })) });
    throw err;
  }
}

/** Excuses the expert; answers whether a replacement was drawn. */
export async function excuseFromPanel(opts: { db: Db; actor: Actor; panelId: string; kind: 'conflict' | 'decline'; reason: string }) {
  requirePermission(opts.actor, 'expert:score');
  return opts.db.transaction(async (tx) => {
    const before = (await panelById(tx, opts.panelId))?.members.length ?? 0;
    await (opts.kind === 'conflict' ? declareConflict : declineAssignment)(tx, opts.actor, opts.panelId, opts.reason);
    const after = (await panelById(tx, opts.panelId))?.members.length ?? 0;
    return { replaced: after > before };
  });
}

/** A panel with its per-expert scores and aggregate, for staff (the owning module shows its own view). */
export async function staffPanelResult(opts: { db: Db; actor: Actor; panelId: string }) {
  requirePermission(opts.actor, 'expert:manage');
  const panel = await panelById(opts.db, opts.panelId);
  if (!panel) throw AppError.notFound('Panel');
  return { panel, result: await panelResult(opts.db, panel.id) };
}

export { panelOf };

/** Experts for a demand, best first (the demand's owner, its reviewers and expert staff). */
export async function matchExpertsForDemand(opts: { db: Db; actor: Actor; demandId: string; limit?: number }) {
  const demand = await getRecord({ db: opts.db, actor: opts.actor, kind: 'demand', id: opts.demandId });
  if (opts.actor.kind !== 'system' && partiesFor(opts.actor, facts(demand)).length === 0 && !isStaff(opts.actor))
    throw AppError.forbidden('Only the demand’s organisation and staff see its matched experts');
  const row = demand.row;
  const keywords = Array.isArray(row.keywords) ? row.keywords.join(' ') : String(row.keywords ?? '');
  const d = { fieldCode: row.fieldCode, text: `${row.title} ${keywords} ${row.summary}` };
  const terms = demandTerms(d);
  const pool = await activeExperts(opts.db);
  const names = await technicalFieldNames(opts.db, [...new Set(pool.flatMap((e) => e.fieldCodes))]);
  const scored: Array<{ expert: ExpertRow; score: number; reasons: string[] }> = [];
  for (const e of pool) {
    const s = scoreExpert(d, terms, {
      fieldCodes: e.fieldCodes,
      keywords: e.keywords,
      fieldNames: e.fieldCodes.map((c) => names.get(c) ?? ''),
    });
    if (s.score <= 0) continue;
    const reasons = [];
    if (s.sameField) reasons.push(`同一技术领域：${demand.fieldName}`);
    if (s.sharedWords.length) reasons.push(`研究方向相关：${s.sharedWords.join('、')}`);
    scored.push({ expert: e, score: s.score, reasons });
  }
  return scored.sort((a, b) => b.score - a.score || a.expert.name.localeCompare(b.expert.name, 'zh-CN')).slice(0, opts.limit ?? 10);
}
