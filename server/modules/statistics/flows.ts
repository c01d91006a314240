import { sql } from 'drizzle-orm';
import {
  FLOW_AREA_LABELS,
  FLOW_AREAS,
  type FlowArea,
  type FlowsQuery,
  type FlowsView,
  type Totals,
  type TopQuery,
  type TopView,
} from '../../../common/api/statistics.js';
import { queryRows, type Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { addTotals, pathLabel, periodText, presentDefinition, presentTotals, ZERO, type RawTotals } from './presenter.js';
import { regionNames, resolveScope, within, yearOrLatest } from './scope.js';

/**
 * Where the other party is, seen from the region at `regionPath`: the same region, the rest of its
 * city (for a district or park), Beijing, Hebei, the rest of China, abroad, or not stated.
 */
export function flowArea(regionPath: string, otherPath: string): FlowArea {
  if (otherPath.startsWith(regionPath)) return 'within';
  if (otherPath.startsWith('/abroad/')) return 'abroad';
  if (otherPath.startsWith('/unknown/')) return 'unknown';
  const city = `/${regionPath.split('/')[1]}/`;
  if (otherPath.startsWith(city)) return 'rest_of_city';
  if (otherPath.startsWith('/110000/')) return 'beijing';
  if (otherPath.startsWith('/130000/')) return 'hebei';
  return 'rest_of_china';
}

/** The province (first level) of a path, or `abroad` / `unknown`. */
export const provinceOf = (path: string): string => path.split('/')[1] || 'unknown';

export async function getFlows(opts: { db: Db; actor: Actor; query: FlowsQuery }): Promise<FlowsView> {
  const { db, query } = opts;
  const scope = await resolveScope(db, opts.actor, query.region);
  const year = await yearOrLatest(db, scope, query.year);
  const p = scope.region.path;
  const rows = await queryRows<RawTotals & { seller_path: string; buyer_path: string }>(
    db,
    sql`SELECT seller_path, buyer_path, contracts, contract_amount_fen, technology_transaction_amount_fen FROM stats_flows
        WHERE year = ${year} AND (${within(sql.raw('seller_path'), p)} OR ${within(sql.raw('buyer_path'), p)}) AND contracts <> 0`,
  );
  const outflow = new Map<FlowArea, Totals>();
  const inflow = new Map<FlowArea, Totals>();
  const provinces = new Map<string, { outflow: Totals; inflow: Totals }>();
  const bump = <K>(m: Map<K, Totals>, k: K, t: Totals) => m.set(k, addTotals(m.get(k) ?? ZERO, t));
  const province = (code: string) =>
    provinces.get(code) ?? (provinces.set(code, { outflow: { ...ZERO }, inflow: { ...ZERO } }), provinces.get(code)!);
  for (const r of rows) {
    const t = presentTotals(r);
    if (r.seller_path.startsWith(p)) {
      bump(outflow, flowArea(p, r.buyer_path), t);
      const pr = province(provinceOf(r.buyer_path));
      pr.outflow = addTotals(pr.outflow, t);
    }
    if (r.buyer_path.startsWith(p)) {
      bump(inflow, flowArea(p, r.seller_path), t);
      const pr = province(provinceOf(r.seller_path));
      pr.inflow = addTotals(pr.inflow, t);
    }
  }
  const areas = (m: Map<FlowArea, Totals>) =>
    FLOW_AREAS.filter((a) => a !== 'rest_of_city' || scope.region.level === 'district' || scope.region.level === 'park').map((area) => ({
      area,
      label: FLOW_AREA_LABELS[area],
      ...(m.get(area) ?? ZERO),
    }));
  const names = await regionNames(db, [...provinces.keys()]);
  const byProvince = [...provinces.entries()]
    .map(([code, v]) => ({ code, name: code === 'abroad' ? '境外' : code === 'unknown' ? '未注明地区' : (names.get(code) ?? code), ...v }))
    .sort((a, b) => b.outflow.contractAmountFen + b.inflow.contractAmountFen - (a.outflow.contractAmountFen + a.inflow.contractAmountFen));
  return {
    definition: presentDefinition({
      region: scope.region,
      side: null,
      period: periodText({ year }),
      subject: {
        zh: '输出：卖方在本区域，按买方所在地分；吸纳：买方在本区域，按卖方所在地分',
        en: 'outflow: sellers in the region, by where the buyer is; inflow: buyers in the region, by where the seller is',
      },
    }),
    year,
    outflow: areas(outflow),
    inflow: areas(inflow),
    byProvince,
  };
}

const RANK_COLUMN = {
  contracts: 'contracts',
  contractAmountFen: 'contract_amount_fen',
  technologyTransactionAmountFen: 'technology_transaction_amount_fen',
} as const;

/** Top organisations (sellers on the output side, buyers on the absorption side) or brokers, in the region and year. */
export async function listTop(opts: { db: Db; actor: Actor; query: TopQuery }): Promise<TopView> {
  const { db, query } = opts;
  if (query.month) throw AppError.validation('query.month', 'rankings are yearly');
  const scope = await resolveScope(db, opts.actor, query.region);
  const year = await yearOrLatest(db, scope, query.year);
  const rank = sql.raw(RANK_COLUMN[query.by]);
  const where = sql`kind = ${query.kind} AND side = ${query.side} AND year = ${year} AND ${within(sql.raw('region_path'), scope.region.path)} AND contracts > 0`;
  type Ranked = RawTotals & { party_key: string; name: string; organization_type: string | null; region_path: string | null };
  let rows: Ranked[];
  let entries: number;
  if (query.kind === 'organization') {
    // One row per organisation and year: a walk of stats_parties_rank_idx when ranking by amount.
    rows = await queryRows<Ranked>(
      db,
      sql`SELECT party_key, name, organization_type, region_path, contracts, contract_amount_fen, technology_transaction_amount_fen
          FROM stats_parties WHERE ${where} ORDER BY ${rank} DESC NULLS LAST, party_key LIMIT ${query.limit} OFFSET ${query.offset}`,
    );
    const [n] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM stats_parties WHERE ${where}`);
    entries = Number(n?.n ?? 0);
  } else {
    // A broker has a row per region: add them up within the scope.
    const broker = sql.raw(`split_part(party_key, '@', 1)`);
    const ranked = await queryRows<Ranked & { entries: number | string }>(
      db,
      sql`SELECT ${broker} AS party_key, max(name) AS name, NULL AS organization_type, NULL AS region_path,
            sum(contracts) AS contracts, sum(contract_amount_fen) AS contract_amount_fen, sum(technology_transaction_amount_fen) AS technology_transaction_amount_fen, count(*) OVER () AS entries
          FROM stats_parties WHERE ${where} GROUP BY 1 ORDER BY sum(${rank}) DESC, 1 LIMIT ${query.limit} OFFSET ${query.offset}`,
    );
    rows = ranked;
    entries = ranked.length ? Number(ranked[0]!.entries) : 0;
  }
  const names = await regionNames(
    db,
    rows.filter((r) => r.region_path).map((r) => pathLabel(r.region_path!, new Map()).code),
  );
  return {
    definition: presentDefinition({
      region: scope.region,
      side: query.side,
      period: periodText({ year }),
      subject:
        query.kind === 'broker'
          ? { zh: '技术经纪人：按其经纪合同统计', en: 'brokers: the contracts they brokered' }
          : {
              zh: query.side === 'output' ? '单位：卖方' : '单位：买方',
              en: query.side === 'output' ? 'organisations: the sellers' : 'organisations: the buyers',
            },
    }),
    kind: query.kind,
    by: query.by,
    entries,
    rows: rows.map((r, i) => ({
      rank: query.offset + i + 1,
      key: r.party_key,
      name: r.name,
      organizationType: r.organization_type,
      region: r.region_path ? pathLabel(r.region_path, names) : null,
      ...presentTotals(r),
    })),
  };
}
