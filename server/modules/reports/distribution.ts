import type { AnnualFigures } from '../../../common/api/reports.js';
import type { DbOrTx } from '../../db/client.js';

/**
 * Block 5 (income distribution and rewards) prefill. The income-distribution module (C10, branch
 * `tto`) will export `distributionSummary(db, organizationId, year) → { cashFen, equityFen, persons,
 * byMode }` from server/modules/distributions/; at merge this function returns its result. Until
 * then it returns null and the organisation fills block 5 in by hand (content.distribution).
 */
export async function incomeDistributionPrefill(db: DbOrTx, organizationId: string, year: number): Promise<AnnualFigures['distribution']> {
  void db;
  void organizationId;
  void year;
  return null;
}
