import { STAT_MEASURE_LABELS, type StatMeasure, type TrendView } from '../../../../../common/api/statistics';
import { useLabel, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { amountScale, chartValue } from './format';

/** The amount as bars (万元) and the number of contracts as a line, by year or month. */
export function TrendChart({ trend, measure, loading }: { trend: TrendView | undefined; measure: StatMeasure; loading?: boolean }) {
  const t = useT();
  const label = useLabel();
  const points = trend?.points ?? [];
  const scale = amountScale(Math.max(0, ...points.map((p) => p[measure])));
  const unit = t(`stat.unit.${scale.unit}`);
  const amountName = t('stat.withUnit', { name: label(STAT_MEASURE_LABELS[measure]), unit });
  const countName = label(STAT_MEASURE_LABELS.contracts);
  return (
    <Chart
      testId="trend-chart"
      loading={loading}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: [
          { type: 'value', name: unit, splitLine: { lineStyle: { type: 'dashed' } } },
          { type: 'value', name: t('stat.contractsAxis'), splitLine: { show: false } },
        ],
        series: [
          {
            name: amountName,
            type: 'bar',
            data: points.map((p) => chartValue(p, measure, scale)),
            itemStyle: { color: '#1677ff' },
            barMaxWidth: 28,
          },
          {
            name: countName,
            type: 'line',
            yAxisIndex: 1,
            smooth: true,
            data: points.map((p) => p.contracts),
            itemStyle: { color: '#fa8c16' },
          },
        ],
      }}
    />
  );
}
