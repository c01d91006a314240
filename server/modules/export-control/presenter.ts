import { inArray } from 'drizzle-orm';
import {
  SCREENING_TRANSITIONS,
  type CatalogueItemView,
  type CatalogueView,
  type ScreeningDecision,
  type ScreeningStatus,
  type ScreeningSubject,
  type ScreeningView,
} from '../../../common/api/export-control.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { deadlineIsEstimated } from '../../lib/calendar.js';
import { organizationsByIds } from '../organizations/lookups.js';
import type { CatalogueRow, ItemRow } from './catalogue.js';
import { holdOf, negotiationAllowed, screeningTransitionAllowed } from './lifecycle.js';
import { exportCatalogues } from './schema.js';
import { reviews, type ScreeningRow } from './service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function presentScreenings(db: DbOrTx, actor: Actor, rows: ScreeningRow[]): Promise<ScreeningView[]> {
  const orgs = await organizationsByIds(
    db,
    rows.flatMap((r) => [r.domesticOrganizationId, r.foreignOrganizationId]).filter((x): x is string => !!x),
  );
  const ids = [...new Set(rows.map((r) => r.catalogueId))];
  const catalogues = new Map(
    (ids.length ? await db.select().from(exportCatalogues).where(inArray(exportCatalogues.id, ids)) : []).map((c) => [c.id, c]),
  );
  const org = (id: string | null) => (id && orgs.get(id) ? { id, name: orgs.get(id)!.name } : null);
  return rows.map((r) => {
    const status = r.status as ScreeningStatus;
    const c = catalogues.get(r.catalogueId)!;
    const reviewer = reviews(actor, r.regionPath);
    return {
      id: r.id,
      subject: r.subjectKind as ScreeningSubject,
      subjectId: r.subjectId,
      achievementId: r.achievementId,
      title: r.title,
      domesticOrganization: org(r.domesticOrganizationId),
      foreignOrganization: org(r.foreignOrganizationId),
      foreignCountry: r.foreignCountry,
      crossBorder: r.foreignCountry !== null,
      catalogue: { id: c.id, label: c.label, sourceDocument: c.sourceDocument },
      candidates: r.candidates,
      status,
      hold: holdOf(status),
      negotiationAllowed: negotiationAllowed(status),
      decision: r.decision as ScreeningDecision | null,
      decidedItemIds: r.decidedItemIds,
      reason: r.reason,
      decidedAt: iso(r.decidedAt),
      deadlineAt: iso(r.deadlineAt),
      deadlineEstimated: deadlineIsEstimated(r.deadlineAt),
      letterOfIntentNo: r.letterOfIntentNo,
      letterOfIntentOn: r.letterOfIntentOn,
      licenceNo: r.licenceNo,
      licenceOn: r.licenceOn,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      actions: reviewer ? SCREENING_TRANSITIONS.filter((t) => screeningTransitionAllowed(t, status)) : [],
    };
  });
}

export const presentScreening = async (db: DbOrTx, actor: Actor, row: ScreeningRow) => (await presentScreenings(db, actor, [row]))[0]!;

export const presentCatalogue = (c: CatalogueRow): CatalogueView => ({
  id: c.id,
  label: c.label,
  sourceDocument: c.sourceDocument,
  publishedOn: c.publishedOn,
  status: c.status as CatalogueView['status'],
  origin: c.origin as CatalogueView['origin'],
  itemCount: c.itemCount,
  createdAt: c.createdAt.toISOString(),
});

export const presentItem = (i: ItemRow): CatalogueItemView => ({
  id: i.id,
  code: i.code,
  class: i.class,
  industry: i.industry,
  name: i.name,
  controlPoints: i.controlPoints,
  terms: i.terms,
  sourceDocument: i.sourceDocument,
  sourceDate: i.sourceDate,
  note: i.note,
});
