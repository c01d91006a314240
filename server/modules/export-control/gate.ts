/**
 * What other modules ask export control: may this contract be certified (contracts' certify calls
 * `requireExportClearance`), and is a record's confidential part closed to this actor (catalog asks
 * `exportHoldFacts` and applies catalog/visibility.ts `seesConfidentialPart`).
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { SCREENING_STATUS_LABELS, type ScreeningStatus } from '../../../common/api/export-control.js';
import type { DbOrTx } from '../../db/client.js';
import { organizationIdsOf, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { organizationPlaces, outsideMainland } from '../organizations/lookups.js';
import { certifiable } from './lifecycle.js';
import { exportScreenings } from './schema.js';

/**
 * Certification of a cross-border technology export (seller in mainland China, buyer outside it)
 * needs a recorded screening of the contract or of the deal it came from that cleared it or whose
 * licence is recorded. A prohibited or held one refuses with its state.
 */
export async function requireExportClearance(
  tx: DbOrTx,
  c: { id: string; dealId: string | null; sellerCountry: string; buyerCountry: string },
): Promise<void> {
  if (outsideMainland(c.sellerCountry) || !outsideMainland(c.buyerCountry)) return;
  const subjects = [and(eq(exportScreenings.subjectKind, 'contract'), eq(exportScreenings.subjectId, c.id))];
  if (c.dealId) subjects.push(and(eq(exportScreenings.subjectKind, 'deal'), eq(exportScreenings.subjectId, c.dealId)));
  const found = await tx
    .select({ id: exportScreenings.id, status: exportScreenings.status, subjectKind: exportScreenings.subjectKind })
    .from(exportScreenings)
    .where(or(...subjects));
  if (found.length === 0) {
    throw AppError.conflict(
      `This contract exports technology to ${c.buyerCountry} (outside mainland China): record an export-control screening (POST /api/export-control/screenings) before certifying`,
    );
  }
  // The contract's own screening speaks for it; else the deal's.
  const s = found.find((f) => f.subjectKind === 'contract') ?? found[0]!;
  const status = s.status as ScreeningStatus;
  if (!certifiable(status)) {
    throw AppError.conflict(
      `The export-control screening ${s.id} is ${status} (${SCREENING_STATUS_LABELS[status].zh}): the contract cannot be certified until it is cleared or its export licence is recorded`,
    );
  }
}

/**
 * Facts for the confidential-part rule of one achievement: whether a screening holds it (restricted
 * without a letter of intent yet, or stopped) and whether the actor speaks for an organisation
 * outside mainland China (and for none inside it).
 */
export async function exportHoldFacts(
  db: DbOrTx,
  actor: Actor,
  achievementId: string,
): Promise<{ exportHeld: boolean; outsideMainland: boolean }> {
  const held = await db
    .select({ id: exportScreenings.id })
    .from(exportScreenings)
    .where(and(eq(exportScreenings.achievementId, achievementId), inArray(exportScreenings.status, ['held', 'stopped'])))
    .limit(1);
  if (held.length === 0) return { exportHeld: false, outsideMainland: false };
  const mine = organizationIdsOf(actor);
  if (mine.length === 0) return { exportHeld: true, outsideMainland: false };
  const places = [...(await organizationPlaces(db, mine)).values()];
  return { exportHeld: true, outsideMainland: places.length > 0 && places.every((p) => outsideMainland(p.country)) };
}
