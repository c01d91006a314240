import { sql } from 'drizzle-orm';
import type {
  BreakdownQuery,
  BreakdownView,
  OverviewView,
  RegionsView,
  StatsQuery,
  TrendQuery,
  TrendView,
} from '../../../common/api/statistics.js';
import { queryRows, type Db } from '../../db/client.js';
import { can, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { listTechnicalFields } from '../catalog/service.js';
import {
  addTotals,
  fieldLabel,
  organizationTypeLabel,
  periodText,
  presentDefinition,
  presentTotals,
  regionRef,
  share,
  subtypeLabel,
  typeLabel,
  ZERO,
  type RawTotals,
} from './presenter.js';
import { breadcrumb, childRegions, resolveScope, within, yearOrLatest, type Scope } from './scope.js';

/**
 * Dashboard figures, read from the rollups only (server/modules/statistics/README.md): every query
 * is a small scan of one side, one year (or a few) and one region subtree.
 */
const SUMS = sql.raw(
  'sum(contracts) AS contracts, sum(contract_amount_fen) AS contract_amount_fen, sum(technology_transaction_amount_fen) AS technology_transaction_amount_fen',
);
const path = sql.raw('region_path');

function statsActions(actor: Actor): OverviewView['actions'] {
  const out: OverviewView['actions'] = ['export'];
  if (can(actor, 'stats:target')) out.push('set_target');
  return out;
}

export async function getOverview(opts: {
  db: Db;
  actor: Actor;
  query: Pick<StatsQuery, 'region' | 'year' | 'month'>;
}): Promise<OverviewView> {
  const { db, query } = opts;
  const scope = await resolveScope(db, opts.actor, query.region);
  const year = await yearOrLatest(db, scope, query.year);
  const month = query.month ?? null;
  const rows = await queryRows<RawTotals & { side: string; year: number }>(
    db,
    month
      ? sql`SELECT side, year, ${SUMS} FROM stats_monthly WHERE year IN (${year}, ${year - 1}) AND month = ${month} AND ${within(path, scope.region.path)} GROUP BY side, year`
      : sql`SELECT side, year, ${SUMS} FROM stats_yearly WHERE year IN (${year}, ${year - 1}) AND ${within(path, scope.region.path)} GROUP BY side, year`,
  );
  const pick = (side: string, y: number) => presentTotals(rows.find((r) => r.side === side && Number(r.year) === y));
  const years = await queryRows<{ year: number }>(
    db,
    sql`SELECT DISTINCT year FROM stats_yearly WHERE ${within(path, scope.region.path)} AND contracts > 0 ORDER BY year DESC`,
  );
  const children = await childRegions(db, scope.root.code);
  return {
    definition: presentDefinition({ region: scope.region, side: null, period: periodText({ year, month }) }),
    year,
    month,
    availableYears: years.map((r) => Number(r.year)),
    output: pick('output', year),
    absorption: pick('absorption', year),
    previousYear: { output: pick('output', year - 1), absorption: pick('absorption', year - 1) },
    scope: { root: regionRef(scope.root), children: children.map(regionRef) },
    actions: statsActions(opts.actor),
  };
}

export async function getTrend(opts: { db: Db; actor: Actor; query: TrendQuery }): Promise<TrendView> {
  const { db, query } = opts;
  const scope = await resolveScope(db, opts.actor, query.region);
  const to = await yearOrLatest(db, scope, query.to);
  const monthly = query.granularity === 'month';
  const from = query.from ?? to - (monthly ? 2 : 9);
  if (from > to) throw AppError.validation('query.from', 'must not be after `to`');
  if (to - from >= (monthly ? 10 : 50))
    throw AppError.validation('query.from', monthly ? 'a monthly trend covers at most 10 years' : 'a trend covers at most 50 years');
  const where = sql`side = ${query.side} AND year BETWEEN ${from} AND ${to} AND ${within(path, scope.region.path)}`;
  const rows = await queryRows<RawTotals & { year: number; month: number | null }>(
    db,
    monthly
      ? sql`SELECT year, month, ${SUMS} FROM stats_monthly WHERE ${where} GROUP BY year, month`
      : sql`SELECT year, NULL AS month, ${SUMS} FROM stats_yearly WHERE ${where} GROUP BY year`,
  );
  const byKey = new Map(rows.map((r) => [`${Number(r.year)}-${r.month == null ? 0 : Number(r.month)}`, presentTotals(r)]));
  const points: TrendView['points'] = [];
  for (let y = from; y <= to; y++) {
    for (const m of monthly ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [0]) {
      const t = byKey.get(`${y}-${m}`) ?? { ...ZERO };
      points.push({ period: m ? periodText({ year: y, month: m }) : String(y), year: y, month: m || null, ...t });
    }
  }
  return {
    definition: presentDefinition({ region: scope.region, side: query.side, period: periodText({ from, to }) }),
    granularity: query.granularity,
    points,
  };
}

export async function getBreakdown(opts: { db: Db; actor: Actor; query: BreakdownQuery }): Promise<BreakdownView> {
  const { db, query } = opts;
  const scope = await resolveScope(db, opts.actor, query.region);
  const year = await yearOrLatest(db, scope, query.year);
  const month = query.month ?? null;
  const base = sql`side = ${query.side} AND year = ${year} AND ${within(path, scope.region.path)}`;
  let rows: Array<RawTotals & { key: string }>;
  let label: (key: string) => { zh: string; en: string };
  if (query.dimension === 'type' || query.dimension === 'subtype') {
    const key = query.dimension === 'type' ? sql.raw('type') : sql.raw(`CASE WHEN subtype = '' THEN type ELSE subtype END`);
    rows = await queryRows(
      db,
      sql`SELECT ${key} AS key, ${SUMS} FROM stats_monthly WHERE ${base} ${month ? sql`AND month = ${month}` : sql``} GROUP BY 1`,
    );
    label = query.dimension === 'type' ? typeLabel : subtypeLabel;
  } else {
    if (month) throw AppError.validation('query.month', `breakdowns by ${query.dimension} are yearly`);
    rows = await queryRows(
      db,
      sql`SELECT key, ${SUMS} FROM stats_dimensions WHERE ${base} AND dimension = ${query.dimension} GROUP BY key`,
    );
    if (query.dimension === 'field') {
      const fields = await listTechnicalFields({ db });
      const names = new Map(fields.map((f) => [f.code, { zh: f.nameZh, en: f.nameEn }]));
      label = (k) => fieldLabel(k, names);
    } else label = organizationTypeLabel;
  }
  const items = rows.map((r) => ({ key: r.key, label: label(r.key), ...presentTotals(r) })).filter((r) => r.contracts !== 0);
  const total = items.reduce(addTotals, { ...ZERO });
  items.sort((a, b) => b.contractAmountFen - a.contractAmountFen || b.contracts - a.contracts || a.key.localeCompare(b.key));
  return {
    definition: presentDefinition({ region: scope.region, side: query.side, period: periodText({ year, month }) }),
    dimension: query.dimension,
    total,
    rows: items.map((r) => ({ ...r, amountShare: share(r.contractAmountFen, total.contractAmountFen) })),
  };
}

/** The region's children (every one, with zeros, so a map shades them all) and its own not-further-specified part. */
export async function getRegionBreakdown(opts: { db: Db; actor: Actor; query: StatsQuery }): Promise<RegionsView> {
  const { db, query } = opts;
  const scope: Scope = await resolveScope(db, opts.actor, query.region);
  const year = await yearOrLatest(db, scope, query.year);
  const month = query.month ?? null;
  const depth = scope.region.path.split('/').filter(Boolean).length;
  const child = sql.raw(`split_part(region_path, '/', ${depth + 2})`);
  const rows = await queryRows<RawTotals & { child: string }>(
    db,
    month
      ? sql`SELECT ${child} AS child, ${SUMS} FROM stats_monthly WHERE side = ${query.side} AND year = ${year} AND month = ${month} AND ${within(path, scope.region.path)} GROUP BY 1`
      : sql`SELECT ${child} AS child, ${SUMS} FROM stats_yearly WHERE side = ${query.side} AND year = ${year} AND ${within(path, scope.region.path)} GROUP BY 1`,
  );
  const byCode = new Map(rows.map((r) => [r.child, presentTotals(r)]));
  const children = await childRegions(db, scope.region.code);
  const items: RegionsView['rows'] = children.map((c) => ({
    ...regionRef(c),
    drillable: true,
    amountShare: 0,
    ...(byCode.get(c.code) ?? ZERO),
  }));
  const own = byCode.get('');
  if (own && own.contracts !== 0)
    items.push({
      code: scope.region.code,
      name: `${scope.region.name}（本级/未细分）`,
      level: scope.region.level,
      drillable: false,
      amountShare: 0,
      ...own,
    });
  const total = items.reduce(addTotals, { ...ZERO });
  for (const r of items) r.amountShare = share(r.contractAmountFen, total.contractAmountFen);
  return {
    definition: presentDefinition({ region: scope.region, side: query.side, period: periodText({ year, month }) }),
    parent: regionRef(scope.region),
    breadcrumb: (await breadcrumb(db, scope)).map(regionRef),
    total,
    rows: items,
  };
}
