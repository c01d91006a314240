import { STAT_MEASURE_LABELS, type StatMeasure, type TrendView } from '../../../../../common/api/statistics';
import { useLabel, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { amountScale, chartValue } from './format';

/** A point's place on the time axis: the first day of its year or month (UTC; only the spacing matters). */
const at = (p: { year: number; month: number | null }) => Date.UTC(p.year, (p.month ?? 1) - 1, 1);

/**
 * The amount as bars (万元) and the number of contracts as a line, by year or month, on a time axis:
 * years are spaced by how far apart they are (2000, 2005, 2010 … are not drawn as neighbours).
 */
export function TrendChart({ trend, measure, loading }: { trend: TrendView | undefined; measure: StatMeasure; loading?: boolean }) {
  const t = useT();
  const label = useLabel();
  const points = trend?.points ?? [];
  const scale = amountScale(Math.max(0, ...points.map((p) => p[measure])));
  const unit = t(`stat.unit.${scale.unit}`);
  const amountName = t('stat.withUnit', { name: label(STAT_MEASURE_LABELS[measure]), unit });
  const countName = label(STAT_MEASURE_LABELS.contracts);
  const monthly = points.some((p) => p.month !== null);
  const periodOf = new Map(points.map((p) => [at(p), p.period]));
  return (
    <Chart
      testId="trend-chart"
      loading={loading}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: {
          type: 'time',
          minInterval: monthly ? 28 * 86_400_000 : 365 * 86_400_000,
          axisLabel: { formatter: monthly ? '{yyyy}-{MM}' : '{yyyy}', hideOverlap: true },
          axisPointer: { label: { formatter: ({ value }) => periodOf.get(Number(value)) ?? '' } },
        },
        yAxis: [
          { type: 'value', name: unit, splitLine: { lineStyle: { type: 'dashed' } } },
          { type: 'value', name: t('stat.contractsAxis'), splitLine: { show: false } },
        ],
        series: [
          {
            name: amountName,
            type: 'bar',
            data: points.map((p) => [at(p), chartValue(p, measure, scale)]),
            itemStyle: { color: '#1677ff' },
            barMaxWidth: 28,
          },
          {
            name: countName,
            type: 'line',
            yAxisIndex: 1,
            smooth: true,
            data: points.map((p) => [at(p), p.contracts]),
            itemStyle: { color: '#fa8c16' },
          },
        ],
      }}
    />
  );
}
