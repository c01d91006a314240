/**
 * The screening as evidence on other records: the deal's dossier PDF (trading) and the contract
 * record (contracts) ask `screeningEvidence` for their subjects and show what it answers.
 */
import { and, eq, or } from 'drizzle-orm';
import {
  SCREENING_STATUS_LABELS,
  type ScreeningDecision,
  type ScreeningEvidenceView,
  type ScreeningStatus,
  type ScreeningSubject,
} from '../../../common/api/export-control.js';
import type { DbOrTx } from '../../db/client.js';
import { userNames } from '../identity/members.js';
import { holdOf } from './lifecycle.js';
import { exportCatalogues, exportScreenings } from './schema.js';

export const evidenceKey = (subject: ScreeningSubject, id: string) => `${subject}:${id}`;

/** The screenings of these subjects, keyed by `subject:id` (evidenceKey); subjects never screened are absent. */
export async function screeningEvidence(
  db: DbOrTx,
  subjects: Array<{ subject: ScreeningSubject; id: string }>,
): Promise<Map<string, ScreeningEvidenceView>> {
  if (subjects.length === 0) return new Map();
  const rows = await db
    .select({ s: exportScreenings, catalogueLabel: exportCatalogues.label, catalogueSource: exportCatalogues.sourceDocument })
    .from(exportScreenings)
    .innerJoin(exportCatalogues, eq(exportCatalogues.id, exportScreenings.catalogueId))
    .where(or(...subjects.map((s) => and(eq(exportScreenings.subjectKind, s.subject), eq(exportScreenings.subjectId, s.id)))));
  const names = await userNames(
    db,
    rows.map((r) => r.s.decidedBy).filter((x): x is string => !!x),
  );
  const out = new Map<string, ScreeningEvidenceView>();
  for (const { s, catalogueLabel, catalogueSource } of rows) {
    const status = s.status as ScreeningStatus;
    out.set(evidenceKey(s.subjectKind as ScreeningSubject, s.subjectId), {
      id: s.id,
      subject: s.subjectKind as ScreeningSubject,
      status,
      statusLabel: SCREENING_STATUS_LABELS[status].zh,
      hold: holdOf(status),
      foreignCountry: s.foreignCountry,
      catalogue: { label: catalogueLabel, sourceDocument: catalogueSource },
      decision: s.decision as ScreeningDecision | null,
      reason: s.reason,
      reviewer: s.decidedBy ? (names.get(s.decidedBy) ?? null) : null,
      decidedAt: s.decidedAt ? s.decidedAt.toISOString() : null,
      items: s.candidates.map((c) => ({
        code: c.code,
        class: c.class,
        name: c.name,
        decided: s.decidedItemIds.includes(c.itemId),
        matchedTerms: c.matchedTerms,
        matchedControlPoints: c.controlPoints.filter((p) => p.matched).map((p) => p.text),
      })),
      letterOfIntentNo: s.letterOfIntentNo,
      letterOfIntentOn: s.letterOfIntentOn,
      licenceNo: s.licenceNo,
      licenceOn: s.licenceOn,
    });
  }
  return out;
}
