import type { AnnualFigures } from '../../../common/api/reports.js';
import type { DbOrTx } from '../../db/client.js';
import { distributionSummary } from '../distributions/service.js';

/**
 * Block 5 (income distribution and rewards), prefilled from the income distributions (C10) the
 * organisation paid in the year: cash and equity awarded to teams, 人次, and the team share by mode.
 */
export async function incomeDistributionPrefill(db: DbOrTx, organizationId: string, year: number): Promise<AnnualFigures['distribution']> {
  const s = await distributionSummary(db, organizationId, year);
  return {
    cashFen: s.cashFen,
    equityFen: s.equityFen,
    persons: s.persons,
    byMode: Object.fromEntries(Object.entries(s.byMode).map(([mode, m]) => [mode, m.teamShareFen])),
  };
}
