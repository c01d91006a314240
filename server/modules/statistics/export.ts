import type ExcelJS from 'exceljs';
import { loadExcel } from '../../lib/spreadsheet/exceljs.js';
import {
  PERIOD_BASIS,
  STAT_MEASURE_LABELS,
  STAT_SIDE_LABELS,
  STAT_SIDES,
  TARGET_METRIC_MEASURE,
  type Totals,
} from '../../../common/api/statistics.js';
import type { Db } from '../../db/client.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { clock } from '../../lib/clock.js';
import { getFlows, listTop } from './flows.js';
import { getBreakdown, getOverview, getRegionBreakdown, getTrend } from './service.js';
import { listTargets } from './targets.js';

/**
 * The workbook for third-party evaluation: every dashboard table for one region and year, both
 * sides, with a sheet of definitions. Amounts in fen (exact) and in 万元 (for reading).
 */
const HEAD = ['合同数（份）', '合同成交额（万元）', '技术交易额（万元）', '合同成交额（分）', '技术交易额（分）'];
const cellsOf = (t: Totals) => [
  t.contracts,
  t.contractAmountFen / 1e6,
  t.technologyTransactionAmountFen / 1e6,
  t.contractAmountFen,
  t.technologyTransactionAmountFen,
];

function sheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: Array<Array<string | number>>) {
  const ws = wb.addWorksheet(name);
  ws.addRow([...head, ...HEAD]).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((col, i) => {
    col.width = i < head.length ? 22 : 18;
    if (i === head.length + 1 || i === head.length + 2) col.numFmt = '#,##0.00';
    if (i >= head.length + 3) col.numFmt = '0';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function buildStatisticsWorkbook(opts: {
  db: Db;
  actor: Actor;
  region?: string;
  year?: number;
}): Promise<{ buffer: Buffer; regionName: string; year: number }> {
  requirePermission(opts.actor, 'stats:read');
  const { db, actor } = opts;
  const overview = await getOverview({ db, actor, query: { region: opts.region, year: opts.year } });
  const region = overview.definition.region.code;
  const year = overview.year;
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'Jinqiao 津桥';
  wb.created = clock.now();

  const about = wb.addWorksheet('说明');
  about.columns = [{ width: 22 }, { width: 110 }];
  const lines: Array<[string, string]> = [
    ['区域', `${overview.definition.region.name}（${region}）`],
    ['年度', String(year)],
    ['导出时间', clock.now().toISOString()],
    ['统计期', PERIOD_BASIS.zh],
    ...STAT_SIDES.map((s): [string, string] => [STAT_SIDE_LABELS[s].zh, STAT_SIDE_LABELS[s].basis.zh]),
    ...Object.values(STAT_MEASURE_LABELS).map((m): [string, string] => [m.zh, m.definition.zh]),
    ['金额单位', '“（分）”列为精确整数（分）；“（万元）”列 = 分 ÷ 1,000,000，便于阅读'],
  ];
  for (const l of lines) about.addRow(l);
  about.getColumn(1).font = { bold: true };

  sheet(
    wb,
    '概览',
    ['方向', '年度'],
    STAT_SIDES.flatMap((s) => [
      [STAT_SIDE_LABELS[s].zh, year, ...cellsOf(overview[s])],
      [STAT_SIDE_LABELS[s].zh, year - 1, ...cellsOf(overview.previousYear[s])],
    ]),
  );

  const trendRows: Array<Array<string | number>> = [];
  const monthRows: Array<Array<string | number>> = [];
  const breakdownRows: Record<string, Array<Array<string | number>>> = { subtype: [], field: [], organization_type: [] };
  const regionRows: Array<Array<string | number>> = [];
  const flowRows: Array<Array<string | number>> = [];
  const provinceRows: Array<Array<string | number>> = [];
  const topRows: Record<'organization' | 'broker', Array<Array<string | number>>> = { organization: [], broker: [] };
  for (const side of STAT_SIDES) {
    const label = STAT_SIDE_LABELS[side].zh;
    const trend = await getTrend({ db, actor, query: { region, side, to: year, granularity: 'year' } });
    for (const p of trend.points) trendRows.push([label, p.period, ...cellsOf(p)]);
    const months = await getTrend({ db, actor, query: { region, side, from: year, to: year, granularity: 'month' } });
    for (const p of months.points) monthRows.push([label, p.period, ...cellsOf(p)]);
    for (const dimension of ['subtype', 'field', 'organization_type'] as const) {
      const b = await getBreakdown({ db, actor, query: { region, side, year, dimension } });
      for (const r of b.rows) breakdownRows[dimension]!.push([label, r.key, r.label.zh, ...cellsOf(r)]);
    }
    const regions = await getRegionBreakdown({ db, actor, query: { region, side, year } });
    for (const r of regions.rows) regionRows.push([label, r.code, r.name, ...cellsOf(r)]);
    for (const kind of ['organization', 'broker'] as const) {
      const top = await listTop({ db, actor, query: { region, side, year, kind, by: 'contractAmountFen', limit: 50, offset: 0 } });
      for (const r of top.rows) topRows[kind].push([label, r.rank, r.name, r.organizationType ?? '', r.region?.name ?? '', ...cellsOf(r)]);
    }
  }
  const flows = await getFlows({ db, actor, query: { region, year } });
  for (const r of flows.outflow) flowRows.push(['技术输出（卖方在本区域），按买方所在地', r.label.zh, ...cellsOf(r)]);
  for (const r of flows.inflow) flowRows.push(['技术吸纳（买方在本区域），按卖方所在地', r.label.zh, ...cellsOf(r)]);
  for (const p of flows.byProvince) {
    provinceRows.push([p.name, '输出至', ...cellsOf(p.outflow)]);
    provinceRows.push([p.name, '吸纳自', ...cellsOf(p.inflow)]);
  }

  sheet(wb, '年度趋势', ['方向', '年度'], trendRows);
  sheet(wb, '月度', ['方向', '月份'], monthRows);
  sheet(wb, '按合同类型', ['方向', '代码', '合同类型/子类'], breakdownRows.subtype!);
  sheet(wb, '按技术领域', ['方向', '代码', '技术领域'], breakdownRows.field!);
  sheet(wb, '按单位类型', ['方向', '代码', '单位类型'], breakdownRows.organization_type!);
  sheet(wb, '按区域', ['方向', '代码', '区域'], regionRows);
  sheet(wb, '技术流向', ['方向', '对方所在地'], flowRows);
  sheet(wb, '流向（按省份）', ['省份/境外', '方向'], provinceRows);
  sheet(wb, '单位排名', ['方向', '名次', '单位', '单位类型', '所在地'], topRows.organization);
  sheet(wb, '经纪人排名', ['方向', '名次', '技术经纪人', '', ''], topRows.broker);

  const targets = await listTargets({ db, actor, region, year });
  const ws = wb.addWorksheet('目标');
  ws.addRow(['区域', '年度', '方向', '指标', '目标值', '实际值', '完成率', '说明']).font = { bold: true };
  for (const t of targets.items) {
    ws.addRow([
      t.region.name,
      t.year,
      STAT_SIDE_LABELS[t.side].zh,
      STAT_MEASURE_LABELS[TARGET_METRIC_MEASURE[t.metric]].zh,
      t.value,
      t.actual,
      t.progress,
      t.definition.zh,
    ]);
  }
  ws.getColumn(7).numFmt = '0.00%';
  ws.columns.forEach((c, i) => (c.width = i === 7 ? 80 : 16));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), regionName: overview.definition.region.name, year };
}
