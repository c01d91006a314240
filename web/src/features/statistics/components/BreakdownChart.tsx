import { Empty } from 'antd';
import { STAT_MEASURE_LABELS, type BreakdownView, type StatMeasure } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { amountScale, chartValue, formatMeasure } from './format';

/** A breakdown as a ring (few categories: contract types) or horizontal bars (fields, organisation types), largest first. */
export function BreakdownChart({
  view,
  measure,
  kind,
  limit = 12,
  loading,
  testId,
}: {
  view: BreakdownView | undefined;
  measure: StatMeasure;
  kind: 'pie' | 'bar';
  limit?: number;
  loading?: boolean;
  testId?: string;
}) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const rows = (view?.rows ?? [])
    .filter((r) => r[measure] > 0)
    .sort((a, b) => b[measure] - a[measure])
    .slice(0, limit);
  if (view && rows.length === 0) return <Empty description={t('stat.noData')} />;
  const scale = amountScale(Math.max(0, ...rows.map((r) => r[measure])));
  const unit = measure === 'contracts' ? '' : t(`stat.unit.${scale.unit}`);
  if (kind === 'pie') {
    return (
      <Chart
        testId={testId}
        loading={loading}
        option={{
          tooltip: {
            trigger: 'item',
            formatter: (p: unknown) => {
              const x = p as { name: string; percent: number; dataIndex: number };
              return `${x.name}<br/>${formatMeasure(rows[x.dataIndex]!, measure, locale)}（${x.percent}%）`;
            },
          },
          legend: { bottom: 0, type: 'scroll' },
          series: [
            {
              type: 'pie',
              radius: ['38%', '62%'],
              center: ['50%', '45%'],
              itemStyle: { borderColor: '#fff', borderWidth: 2 },
              minShowLabelAngle: 12,
              label: { formatter: '{b}\n{d}%', overflow: 'none' },
              labelLine: { length: 8, length2: 6 },
              data: rows.map((r) => ({ name: label(r.label, r.key), value: chartValue(r, measure) })),
            },
          ],
        }}
      />
    );
  }
  const ordered = [...rows].reverse();
  return (
    <Chart
      testId={testId}
      loading={loading}
      height={Math.max(240, ordered.length * 28 + 40)}
      option={{
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (p: unknown) => {
            const x = (p as { dataIndex: number; name: string }[])[0]!;
            return `${x.name}<br/>${formatMeasure(ordered[x.dataIndex]!, measure, locale)}`;
          },
        },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', name: unit, splitLine: { lineStyle: { type: 'dashed' } } },
        yAxis: { type: 'category', data: ordered.map((r) => label(r.label, r.key)), axisLabel: { width: 140, overflow: 'truncate' } },
        series: [
          {
            type: 'bar',
            name: label(STAT_MEASURE_LABELS[measure]),
            data: ordered.map((r) => chartValue(r, measure, scale)),
            itemStyle: { color: '#13c2c2' },
            barMaxWidth: 18,
          },
        ],
      }}
    />
  );
}
