import type { z } from 'zod';
import {
  FLOW_AREA_LABELS,
  type FlowArea,
  type FlowsView,
  type OpenDataCell,
  type OpenDataView,
  type RegionRow,
  type StatSide,
  type Totals,
  type TrendView,
} from '../../../../../common/api/statistics';
import { CONTRACT_TYPE_LABELS, type ContractType } from '../../../../../common/contracts';

/** Open-data cells in the shapes the dashboard's charts draw; suppressed cells are left out (the table shows them as such). */

const totals = (c: OpenDataCell): Totals => ({
  contracts: c.contracts ?? 0,
  contractAmountFen: c.contractAmountFen ?? 0,
  technologyTransactionAmountFen: c.technologyTransactionAmountFen ?? 0,
});
const cellsOf = (view: OpenDataView, table: OpenDataCell['table'], side: StatSide) =>
  view.cells.filter((c) => c.table === table && c.side === side);

export function openTrend(view: OpenDataView, side: StatSide): TrendView {
  const points = cellsOf(view, 'year', side)
    .filter((c) => !c.suppressed)
    .sort((a, b) => a.year - b.year)
    .map((c) => ({ ...totals(c), period: String(c.year), year: c.year, month: null }));
  return { granularity: 'year', points, definition: definitionOf(view, side) };
}

export function openTypes(view: OpenDataView, side: StatSide) {
  const cells = cellsOf(view, 'type', side).filter((c) => !c.suppressed);
  const rows = cells.map((c) => ({
    ...totals(c),
    key: c.key,
    label: CONTRACT_TYPE_LABELS[c.key as ContractType] ?? { zh: c.label, en: c.label },
    amountShare: 0,
  }));
  const total = rows.reduce<Totals>(
    (s, r) => ({
      contracts: s.contracts + r.contracts,
      contractAmountFen: s.contractAmountFen + r.contractAmountFen,
      technologyTransactionAmountFen: s.technologyTransactionAmountFen + r.technologyTransactionAmountFen,
    }),
    { contracts: 0, contractAmountFen: 0, technologyTransactionAmountFen: 0 },
  );
  return { definition: definitionOf(view, side), dimension: 'type' as const, total, rows };
}

export function openDistricts(view: OpenDataView, side: StatSide): z.infer<typeof RegionRow>[] {
  return cellsOf(view, 'district', side)
    .filter((c) => !c.suppressed && c.key !== view.city.code)
    .map((c) => ({ ...totals(c), code: c.key, name: c.label, level: 'district', drillable: false, amountShare: 0 }));
}

export function openFlows(view: OpenDataView): FlowsView {
  const rows = (side: StatSide) =>
    cellsOf(view, 'flow', side)
      .filter((c) => !c.suppressed)
      .map((c) => ({ ...totals(c), area: c.key as FlowArea, label: FLOW_AREA_LABELS[c.key as FlowArea] ?? { zh: c.label, en: c.label } }));
  return { definition: definitionOf(view, null), year: view.year, outflow: rows('output'), inflow: rows('absorption'), byProvince: [] };
}

function definitionOf(view: OpenDataView, side: StatSide | null) {
  return {
    side,
    region: { code: view.city.code, name: view.city.name, level: 'city' },
    period: String(view.year),
    text: view.definitions.period,
  };
}
