import { PORTAL_FIGURES_TTL_SECONDS, type PortalFiguresView } from '../../../common/api/portal.js';
import type { Db } from '../../db/client.js';
import { localDateOf, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { countPublishedRecords } from '../catalog/lookups.js';
import { cityOutputTotals } from '../statistics/open-data.js';
import { countDealsBetween } from '../trading/lookups.js';

/**
 * The home page's live figures, counted by the owning modules and kept for a minute per database
 * (a cache of a database's content keyed by its Db, as server/app.ts allows at module level).
 */
const cache = new WeakMap<Db, { at: number; view: PortalFiguresView }>();

export async function getPortalFigures(opts: { db: Db }): Promise<PortalFiguresView> {
  const now = clock.now();
  const kept = cache.get(opts.db);
  if (kept && now.getTime() - kept.at < PORTAL_FIGURES_TTL_SECONDS * 1000) return kept.view;
  const year = Number(localDateOf(now).slice(0, 4));
  const [achievements, demands, dealsThisYear, contracts] = await Promise.all([
    countPublishedRecords(opts.db, 'achievement'),
    countPublishedRecords(opts.db, 'demand'),
    countDealsBetween(opts.db, startOfLocalDate(`${year}-01-01`), startOfLocalDate(`${year + 1}-01-01`)),
    cityOutputTotals({ db: opts.db, year }),
  ]);
  const view: PortalFiguresView = {
    achievements,
    demands,
    dealsThisYear,
    contractYear: contracts.year,
    contractYearIsCurrent: contracts.year === year,
    contracts: contracts.totals.contracts,
    contractAmountFen: contracts.totals.contractAmountFen,
    countedAt: now.toISOString(),
  };
  cache.set(opts.db, { at: now.getTime(), view });
  return view;
}
