import { Alert, Skeleton } from 'antd';
import type { z } from 'zod';
import { STAT_MEASURE_LABELS, type RegionRow, type StatMeasure } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { TIANJIN_MAP, useTianjinMap } from './echarts';
import { amountScale, chartValue, formatBigYuan, formatCount } from './format';

type Row = z.infer<typeof RegionRow>;

interface Props {
  /** Districts with their figures (the city's children); districts without a row are drawn empty. */
  rows: Row[];
  measure: StatMeasure;
  /** The district drilled into, outlined on the map. */
  selected?: string;
  onSelect?: (code: string) => void;
  loading?: boolean;
}

/** Tianjin's 16 districts shaded by the chosen measure; a click drills into the district. */
export function DistrictMap({ rows, measure, selected, onSelect, loading }: Props) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const map = useTianjinMap();
  if (map.isPending) return <Skeleton.Node active style={{ width: '100%', height: 420 }} />;
  if (map.isError) return <Alert type="warning" showIcon title={t('stat.mapFailed')} />;
  const names = map.data;
  const byName = new Map<string, Row>();
  for (const r of rows) {
    const name = names.get(r.code.slice(0, 6)) ?? r.name;
    byName.set(name, r);
  }
  const scale = amountScale(Math.max(0, ...rows.map((r) => r[measure])));
  const unit = measure === 'contracts' ? t('stat.contractsAxis') : t(`stat.unit.${scale.unit}`);
  const pieces = quantilePieces(
    rows.map((r) => chartValue(r, measure, scale)).filter((v) => v > 0),
    unit,
  );
  const selectedName = selected ? names.get(selected.slice(0, 6)) : undefined;
  return (
    <Chart
      testId="district-map"
      loading={loading}
      height={460}
      onClick={
        onSelect &&
        ((p) => {
          const row = byName.get(p.name);
          const code = row?.drillable ? row.code : [...names.entries()].find(([, n]) => n === p.name)?.[0];
          if (code) onSelect(code);
        })
      }
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const name = (p as { name: string }).name;
            const r = byName.get(name);
            if (!r) return `${name}<br/>${t('stat.noData')}`;
            return `<b>${name}</b><br/>${label(STAT_MEASURE_LABELS.contracts)}：${formatCount(r.contracts, locale)}<br/>${label(STAT_MEASURE_LABELS.contractAmountFen)}：${formatBigYuan(r.contractAmountFen, locale)}<br/>${label(STAT_MEASURE_LABELS.technologyTransactionAmountFen)}：${formatBigYuan(r.technologyTransactionAmountFen, locale)}`;
          },
        },
        visualMap: {
          type: 'piecewise',
          pieces,
          left: 8,
          bottom: 8,
          itemWidth: 14,
          itemHeight: 10,
          inRange: { color: ['#bae0ff', '#69b1ff', '#1677ff', '#0958d9', '#002c8c'] },
          outOfRange: { color: '#f5f5f5' },
        },
        series: [
          {
            type: 'map',
            map: TIANJIN_MAP,
            roam: false,
            label: { show: true, fontSize: 10, color: '#1f1f1f' },
            emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#ffd666' } },
            select: { disabled: true },
            data: [...names.values()].map((name) => {
              const r = byName.get(name);
              return {
                name,
                value: r ? chartValue(r, measure, scale) : 0,
                itemStyle: name === selectedName ? { borderColor: '#fa541c', borderWidth: 3 } : undefined,
              };
            }),
          },
        ],
      }}
    />
  );
}

/**
 * Five shades split at the quintiles of the districts' values, so a city where one district
 * dwarfs the rest still shows differences between the others; zero stays blank.
 */
function quantilePieces(values: number[], unit: string): { gt?: number; gte?: number; lte?: number; label?: string }[] {
  if (values.length === 0) return [{ gt: 0 }];
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const max = sorted[sorted.length - 1]!;
  // Cut below the largest value, so the largest district always takes the darkest shade.
  const cuts = [...new Set([at(0.2), at(0.4), at(0.6), at(0.8)])].filter((c) => c < max);
  const fmt = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  const pieces: { gt?: number; gte?: number; lte?: number; label?: string }[] = [];
  let low = 0;
  for (const cut of cuts) {
    if (cut <= low) continue;
    pieces.push({ gt: low, lte: cut, label: `${fmt(low)} – ${fmt(cut)} ${unit}` });
    low = cut;
  }
  pieces.push({ gt: low, label: `> ${fmt(low)} ${unit}` });
  return pieces;
}
