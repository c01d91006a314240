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
import { certifiable, negotiationAllowed } from './lifecycle.js';
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

/**
 * The steps of a cross-border deal that move money or status, and what each needs of the screening
 * (技术进出口管理条例 art. 35–37): bidding (a deposit) and signing are substantive negotiation, open
 * once the technology is cleared or the letter of intent (技术出口许可意向书) is recorded; payment
 * performs the contract, which needs the technology cleared or the export licence recorded.
 */
export type ExportStep = 'deposit' | 'signing' | 'payment';
const STEP_RULES: Record<ExportStep, { allowed: (s: ScreeningStatus) => boolean; zh: string; en: string }> = {
  deposit: { allowed: negotiationAllowed, zh: '确认竞买保证金', en: 'confirm the deposit' },
  signing: { allowed: negotiationAllowed, zh: '签订并申请登记技术合同', en: 'sign and file the contract' },
  payment: { allowed: certifiable, zh: '确认成交价款', en: 'confirm the payment' },
};

/** The state of each step for a screening status (none: no screening recorded). */
export function exportStepAllowed(step: ExportStep, status: ScreeningStatus | null): boolean {
  return status !== null && STEP_RULES[step].allowed(status);
}

function refuse(step: ExportStep, country: string, found: { id: string; status: ScreeningStatus } | null): AppError {
  const rule = STEP_RULES[step];
  if (!found)
    return new AppError(
      'conflict',
      `This deal exports technology to ${country} (outside mainland China): record an export-control screening (POST /api/export-control/screenings) before you ${rule.en} (${rule.zh})`,
      { fields: [{ field: 'exportControl', message: 'not_screened' }] },
    );
  return new AppError(
    'conflict',
    `The export-control screening ${found.id} is ${found.status} (${SCREENING_STATUS_LABELS[found.status].zh}): you cannot ${rule.en} (${rule.zh}) until ${
      step === 'payment' ? 'it is cleared or its export licence is recorded' : 'it is cleared or its letter of intent is recorded'
    }`,
    { fields: [{ field: 'exportControl', message: found.status }] },
  );
}

/**
 * Trading and contracts call this before a step on a deal moves money or status: when the seller is
 * in mainland China and the buyer outside it, the deal's screening (or, for the contract of the deal,
 * the contract's own) must allow the step; none recorded, or a held or stopped one, refuses (409
 * naming the state under `errors[].field = exportControl`).
 */
export async function requireDealExportStep(
  tx: DbOrTx,
  step: Exclude<ExportStep, 'deposit'>,
  d: { dealId: string; sellerOrganizationId: string; buyerOrganizationId: string; contractId?: string | null },
): Promise<void> {
  const places = await organizationPlaces(tx, [d.sellerOrganizationId, d.buyerOrganizationId]);
  const seller = places.get(d.sellerOrganizationId);
  const buyer = places.get(d.buyerOrganizationId);
  if (!buyer || outsideMainland(seller?.country ?? 'CN') || !outsideMainland(buyer.country)) return;
  const subjects = [and(eq(exportScreenings.subjectKind, 'deal'), eq(exportScreenings.subjectId, d.dealId))];
  if (d.contractId) subjects.push(and(eq(exportScreenings.subjectKind, 'contract'), eq(exportScreenings.subjectId, d.contractId)));
  const found = await tx
    .select({ id: exportScreenings.id, status: exportScreenings.status, subjectKind: exportScreenings.subjectKind })
    .from(exportScreenings)
    .where(or(...subjects));
  const stopped = found.find((f) => f.status === 'stopped');
  const s = stopped ?? found.find((f) => f.subjectKind === 'contract') ?? found[0] ?? null;
  const status = (s?.status ?? null) as ScreeningStatus | null;
  if (!exportStepAllowed(step, status)) throw refuse(step, buyer.country, s ? { id: s.id, status: status! } : null);
}

/**
 * Before a bidder outside mainland China has a deposit confirmed on a mainland seller's auction: a
 * screening of the achievement for this bidder (or for no named party) must allow bidding, and no
 * screening of the technology may have stopped it.
 */
export async function requireBidderExportStep(
  tx: DbOrTx,
  r: { achievementId: string; sellerOrganizationId: string; bidderOrganizationId: string },
): Promise<void> {
  const places = await organizationPlaces(tx, [r.sellerOrganizationId, r.bidderOrganizationId]);
  const seller = places.get(r.sellerOrganizationId);
  const bidder = places.get(r.bidderOrganizationId);
  if (!bidder || outsideMainland(seller?.country ?? 'CN') || !outsideMainland(bidder.country)) return;
  const found = await tx
    .select({
      id: exportScreenings.id,
      status: exportScreenings.status,
      subjectKind: exportScreenings.subjectKind,
      foreignOrganizationId: exportScreenings.foreignOrganizationId,
    })
    .from(exportScreenings)
    .where(eq(exportScreenings.achievementId, r.achievementId));
  const stopped = found.find((f) => f.status === 'stopped');
  const own = found.filter(
    (f) => f.subjectKind === 'achievement' && (f.foreignOrganizationId === r.bidderOrganizationId || f.foreignOrganizationId === null),
  );
  const s = stopped ?? own.find((f) => f.foreignOrganizationId === r.bidderOrganizationId) ?? own[0] ?? null;
  const status = (s?.status ?? null) as ScreeningStatus | null;
  if (!exportStepAllowed('deposit', status)) throw refuse('deposit', bidder.country, s ? { id: s.id, status: status! } : null);
}
