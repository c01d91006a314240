import type { AnnualFigures, SourceRecord } from '../../../common/api/reports.js';
import {
  ANNUAL_REPORT_PARAMETERS,
  cooperationTypeOfMode,
  REPORT_COOPERATION_TYPES,
  REPORT_TRANSFER_MODES,
  reportModeOf,
  type ReportCooperationType,
  type ReportTransferMode,
} from '../../../common/reports.js';
import type { DbOrTx } from '../../db/client.js';
import { localDateOf, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { achievementsPublishedBetween } from '../catalog/lookups.js';
import { registeredContractsOfDeals, registeredContractsSoldBetween } from '../contracts/lookups.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { dealsSoldBetween } from '../trading/lookups.js';
import { incomeDistributionPrefill } from './distribution.js';

/**
 * The prefilled figures of an organisation's annual report, from the platform's records only
 * (catalog, trading, contracts — through their exported reads):
 * - block 2: achievements first published in the year;
 * - blocks 3 and 4: deals the organisation concluded as the seller in the year (not cancelled), and
 *   registered contracts it signed as the seller in the year that did not come from a platform deal.
 *   A deal and the contract registered from it are one transaction: it counts once, at the deal's
 *   price, and the reconciliation shows the registered amount and the difference (or that the deal
 *   was never registered). Transfer, licence and 作价投资 go to block 3; development, consulting and
 *   service to block 4.
 */
export async function computeFigures(db: DbOrTx, organizationId: string, year: number): Promise<AnnualFigures> {
  const from = startOfLocalDate(`${year}-01-01`);
  const to = startOfLocalDate(`${year + 1}-01-01`);
  const achievements = await achievementsPublishedBetween(db, organizationId, from, to);
  const deals = await dealsSoldBetween(db, organizationId, from, to);
  const ofDeals = await registeredContractsOfDeals(
    db,
    deals.map((d) => d.id),
  );
  const contracts = await registeredContractsSoldBetween(db, organizationId, `${year}-01-01`, `${year + 1}-01-01`);
  const buyers = await organizationsByIds(
    db,
    deals.map((d) => d.buyerOrganizationId),
  );
  const contractOfDeal = new Map(ofDeals.map((c) => [c.dealId!, c]));

  const records: SourceRecord[] = [];
  for (const d of deals) {
    const c = contractOfDeal.get(d.id);
    const differenceFen = c ? d.priceFen - c.contractAmountFen : null;
    records.push({
      kind: 'deal',
      id: d.id,
      title: d.title,
      category: reportModeOf(d.transferMode) ?? cooperationTypeOfMode(d.transferMode) ?? 'service',
      amountFen: d.priceFen,
      counterparty: buyers.get(d.buyerOrganizationId)?.name ?? '',
      date: localDateOf(d.createdAt),
      registrationNumber: c?.registrationNumber ?? null,
      registeredContractId: c?.id ?? null,
      registeredAmountFen: c?.contractAmountFen ?? null,
      differenceFen,
      issue: !c ? 'not_registered' : differenceFen !== 0 ? 'amount_differs' : null,
    });
  }
  // Contracts from a platform deal belong to their deal (counted in the deal's year).
  for (const c of contracts.filter((x) => !x.dealId)) {
    records.push({
      kind: 'contract',
      id: c.id,
      title: c.title,
      category: c.type,
      amountFen: c.contractAmountFen,
      counterparty: c.buyerName,
      date: c.signedOn,
      registrationNumber: c.registrationNumber,
      registeredContractId: c.id,
      registeredAmountFen: c.contractAmountFen,
      differenceFen: 0,
      issue: null,
    });
  }

  const transferRecords = records.filter((r) => (REPORT_TRANSFER_MODES as readonly string[]).includes(r.category));
  const cooperationRecords = records.filter((r) => (REPORT_COOPERATION_TYPES as readonly string[]).includes(r.category));
  const tally = (rs: SourceRecord[]) => ({ count: rs.length, amountFen: rs.reduce((s, r) => s + r.amountFen, 0) });
  const byMode = Object.fromEntries(
    REPORT_TRANSFER_MODES.map((m) => [m, tally(transferRecords.filter((r) => r.category === m))]),
  ) as Record<ReportTransferMode, { count: number; amountFen: number }>;
  const byType = Object.fromEntries(
    REPORT_COOPERATION_TYPES.map((t) => [t, tally(cooperationRecords.filter((r) => r.category === t))]),
  ) as Record<ReportCooperationType, { count: number; amountFen: number }>;

  const byIpKind: Record<string, number> = {};
  for (const a of achievements) for (const k of a.ipKinds) byIpKind[k] = (byIpKind[k] ?? 0) + 1;

  const dealRecords = records.filter((r) => r.kind === 'deal');
  const registered = dealRecords.filter((r) => r.registeredAmountFen !== null);
  return {
    computedAt: clock.now().toISOString(),
    achievements: {
      total: achievements.length,
      publiclyFunded: achievements.filter((a) => a.publicFunding).length,
      byIpKind,
      records: achievements.map((a) => ({ ...a, publishedAt: a.publishedAt.toISOString() })),
    },
    transfers: {
      byMode,
      total: tally(transferRecords),
      largeDeals: transferRecords.filter((r) => r.amountFen >= ANNUAL_REPORT_PARAMETERS.largeDealFen.value),
      records: transferRecords,
    },
    cooperation: { byType, total: tally(cooperationRecords), records: cooperationRecords },
    distribution: await incomeDistributionPrefill(db, organizationId, year),
    reconciliation: {
      dealsTotalFen: dealRecords.reduce((s, r) => s + r.amountFen, 0),
      registeredTotalFen: registered.reduce((s, r) => s + r.registeredAmountFen!, 0),
      differenceFen: registered.reduce((s, r) => s + r.differenceFen!, 0),
      unregisteredDeals: dealRecords.filter((r) => r.issue === 'not_registered').length,
      differingDeals: dealRecords.filter((r) => r.issue === 'amount_differs').length,
    },
  };
}
