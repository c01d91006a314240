import { sql } from 'drizzle-orm';
import {
  FLOW_AREA_LABELS,
  FLOW_AREAS,
  OPEN_DATA_MIN_CONTRACTS,
  PERIOD_BASIS,
  STAT_MEASURE_LABELS,
  STAT_SIDE_LABELS,
  STAT_SIDES,
  type OpenDataCell,
  type OpenDataView,
  type StatSide,
} from '../../../common/api/statistics.js';
import { CONTRACT_TYPES } from '../../../common/contracts.js';
import { queryRows, type Db } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { flowArea } from './flows.js';
import { presentTotals, typeLabel, type RawTotals } from './presenter.js';
import { childRegions, currentYear, PLATFORM_CITY_CODE, regionNames, within } from './scope.js';
import { cellsToSuppress, type Relation } from './suppression.js';

/**
 * Open data (public): the platform city's aggregated figures — totals by year, and for one year by
 * district, by contract type and by flow area, on both sides — read from the rollups only, never
 * from single contracts, with small cells suppressed (suppression.ts).
 */
const SUMS = sql.raw(
  'sum(contracts) AS contracts, sum(contract_amount_fen) AS contract_amount_fen, sum(technology_transaction_amount_fen) AS technology_transaction_amount_fen',
);
export type Raw = Omit<OpenDataCell, 'suppressed'>;

export async function getOpenData(opts: { db: Db; year?: number }): Promise<OpenDataView> {
  const { db } = opts;
  const cityPath = `/${PLATFORM_CITY_CODE}/`;
  const names = await regionNames(db, [PLATFORM_CITY_CODE]);
  const cityName = names.get(PLATFORM_CITY_CODE) ?? PLATFORM_CITY_CODE;
  const yearly = await queryRows<RawTotals & { side: StatSide; year: number }>(
    db,
    sql`SELECT side, year, ${SUMS} FROM stats_yearly WHERE ${within(sql.raw('region_path'), cityPath)} GROUP BY side, year HAVING sum(contracts) > 0 ORDER BY year`,
  );
  const availableYears = [...new Set(yearly.map((r) => Number(r.year)))].sort((a, b) => b - a);
  const year = opts.year ?? availableYears[0] ?? currentYear();
  const raw: Raw[] = yearly.map((r) => ({
    table: 'year',
    year: Number(r.year),
    side: r.side,
    key: String(r.year),
    label: `${r.year}年`,
    ...presentTotals(r),
  }));

  const districts = await childRegions(db, PLATFORM_CITY_CODE);
  const byDistrict = await queryRows<RawTotals & { side: StatSide; child: string }>(
    db,
    sql`SELECT side, split_part(region_path, '/', 3) AS child, ${SUMS} FROM stats_yearly WHERE year = ${year} AND ${within(sql.raw('region_path'), cityPath)} GROUP BY 1, 2`,
  );
  const byType = await queryRows<RawTotals & { side: StatSide; type: string }>(
    db,
    sql`SELECT side, type, ${SUMS} FROM stats_monthly WHERE year = ${year} AND ${within(sql.raw('region_path'), cityPath)} GROUP BY 1, 2`,
  );
  const flows = await queryRows<RawTotals & { seller_path: string; buyer_path: string }>(
    db,
    sql`SELECT seller_path, buyer_path, contracts, contract_amount_fen, technology_transaction_amount_fen FROM stats_flows
        WHERE year = ${year} AND (${within(sql.raw('seller_path'), cityPath)} OR ${within(sql.raw('buyer_path'), cityPath)})`,
  );
  for (const side of STAT_SIDES) {
    const find = (child: string) => presentTotals(byDistrict.find((r) => r.side === side && r.child === child));
    for (const d of districts) raw.push({ table: 'district', year, side, key: d.code, label: d.name, ...find(d.code) });
    const own = find('');
    if (own.contracts) raw.push({ table: 'district', year, side, key: PLATFORM_CITY_CODE, label: `${cityName}（未细分到区）`, ...own });
    for (const t of CONTRACT_TYPES)
      raw.push({
        table: 'type',
        year,
        side,
        key: t,
        label: typeLabel(t).zh,
        ...presentTotals(byType.find((r) => r.side === side && r.type === t)),
      });
    const areas = new Map<string, ReturnType<typeof presentTotals>>();
    for (const f of flows) {
      const mine = side === 'output' ? f.seller_path : f.buyer_path;
      if (!mine.startsWith(cityPath)) continue;
      const area = flowArea(cityPath, side === 'output' ? f.buyer_path : f.seller_path);
      const t = presentTotals(f);
      const prev = areas.get(area) ?? presentTotals(null);
      areas.set(area, {
        contracts: prev.contracts + t.contracts,
        contractAmountFen: prev.contractAmountFen + t.contractAmountFen,
        technologyTransactionAmountFen: prev.technologyTransactionAmountFen + t.technologyTransactionAmountFen,
      });
    }
    for (const a of FLOW_AREAS.filter((x) => x !== 'rest_of_city'))
      raw.push({ table: 'flow', year, side, key: a, label: FLOW_AREA_LABELS[a].zh, ...(areas.get(a) ?? presentTotals(null)) });
  }

  const hidden = cellsToSuppress(
    raw.map((c) => ({ contracts: c.contracts!, contractAmountFen: c.contractAmountFen! })),
    openDataRelations(raw, year),
    OPEN_DATA_MIN_CONTRACTS,
  );
  const cells = raw.map((c, i) =>
    hidden.has(i)
      ? { ...c, contracts: null, contractAmountFen: null, technologyTransactionAmountFen: null, suppressed: true }
      : { ...c, suppressed: false },
  );
  const measures = Object.fromEntries(Object.entries(STAT_MEASURE_LABELS).map(([k, v]) => [k, v.definition]));
  const sides = Object.fromEntries(
    Object.entries(STAT_SIDE_LABELS).map(([k, v]) => [k, { zh: `${v.zh}：${v.basis.zh}`, en: `${v.en}: ${v.basis.en}` }]),
  );
  return {
    city: { code: PLATFORM_CITY_CODE, name: cityName },
    year,
    availableYears,
    minContractsPerCell: OPEN_DATA_MIN_CONTRACTS,
    definitions: {
      measures,
      sides,
      period: PERIOD_BASIS,
      suppression: {
        zh: `合同数少于 ${OPEN_DATA_MIN_CONTRACTS} 份的单元格不公开；各表之间、输出与吸纳之间、分项与合计之间凡能由已公开数字加减推出不公开单元格的，再隐去最小的相关单元格（互补隐匿），直至无法推出。`,
        en: `Cells of fewer than ${OPEN_DATA_MIN_CONTRACTS} contracts are withheld; while a withheld cell could still be worked out by adding and subtracting published cells (across tables, sides and totals), the smallest related cell is withheld too (complementary suppression).`,
      },
    },
    cells,
    generatedAt: clock.now().toISOString(),
  };
}

/**
 * The relations a reader can use among the published cells of `year`: each of the district, type and
 * flow tables adds up to the side's year total, and the output side's "within" flow is the same
 * contracts as the absorption side's. A relation is used only when it holds on the figures (then a
 * reader could use it too), checked on both the contract count and the amount.
 */
export function openDataRelations(raw: readonly Raw[], year: number): Relation[] {
  const at = (pred: (c: Raw) => boolean) => raw.flatMap((c, i) => (pred(c) ? [i] : []));
  const holds = (r: Relation) =>
    r.reduce((s, [i, k]) => s + k * raw[i]!.contracts!, 0) === 0 && r.reduce((s, [i, k]) => s + k * raw[i]!.contractAmountFen!, 0) === 0;
  const relations: Relation[] = [];
  for (const side of STAT_SIDES) {
    const total = at((c) => c.table === 'year' && c.year === year && c.side === side)[0];
    for (const table of ['district', 'type', 'flow'] as const) {
      const parts = at((c) => c.table === table && c.year === year && c.side === side);
      const r: Relation = [...parts.map((i) => [i, 1] as const), ...(total === undefined ? [] : [[total, -1] as const])];
      if (parts.length && total !== undefined && holds(r)) relations.push(r);
    }
  }
  const within = (side: StatSide) => at((c) => c.table === 'flow' && c.year === year && c.side === side && c.key === 'within')[0];
  const [wOut, wAbs] = [within('output'), within('absorption')];
  if (wOut !== undefined && wAbs !== undefined) {
    const r: Relation = [
      [wOut, 1],
      [wAbs, -1],
    ];
    if (holds(r)) relations.push(r);
  }
  return relations;
}

const csvField = (v: string | number | boolean | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The open-data cells as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese labels). */
export function openDataCsv(view: OpenDataView): string {
  const header = [
    'table',
    'year',
    'side',
    'key',
    'label',
    'contracts',
    'contract_amount_fen',
    'technology_transaction_amount_fen',
    'suppressed',
  ];
  const lines = view.cells.map((c) =>
    [c.table, c.year, c.side, c.key, c.label, c.contracts, c.contractAmountFen, c.technologyTransactionAmountFen, c.suppressed]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * The city's technology-output totals for the portal's figures: the given year, or when that year has
 * no certified contract yet, the latest year that has (the answer says which year it is).
 */
export async function cityOutputTotals(opts: {
  db: Db;
  year: number;
}): Promise<{ year: number; totals: ReturnType<typeof presentTotals> }> {
  const cityPath = `/${PLATFORM_CITY_CODE}/`;
  const rows = await queryRows<RawTotals & { year: number }>(
    opts.db,
    sql`SELECT year, ${SUMS} FROM stats_yearly WHERE side = 'output' AND year <= ${opts.year} AND ${within(sql.raw('region_path'), cityPath)}
        GROUP BY year HAVING sum(contracts) > 0 ORDER BY year DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { year: Number(row.year), totals: presentTotals(row) } : { year: opts.year, totals: presentTotals(null) };
}
