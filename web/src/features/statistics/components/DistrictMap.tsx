import { Alert, Skeleton } from 'antd';
import type { z } from 'zod';
import { STAT_MEASURE_LABELS, type RegionRow, type StatMeasure } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { TIANJIN_MAP, useTianjinMap } from './echarts';
import { chartValue, formatBigYuan, formatCount } from './format';

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
  const values = rows.map((r) => chartValue(r, measure));
  const max = Math.max(1, ...values);
  const selectedName = selected ? names.get(selected.slice(0, 6)) : undefined;
  return (
    <Chart
      testId="district-map"
      loading={loading}
      height={460}
      onClick={(p) => {
        const row = byName.get(p.name);
        if (row?.drillable && onSelect) onSelect(row.code);
        else {
          const code = [...names.entries()].find(([, n]) => n === p.name)?.[0];
          if (code && onSelect) onSelect(code);
        }
      }}
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
          type: 'continuous',
          min: 0,
          max,
          left: 8,
          bottom: 8,
          calculable: true,
          text: [measure === 'contracts' ? t('stat.contractsAxis') : t('stat.wan'), ''],
          inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9', '#002c8c'] },
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
                value: r ? chartValue(r, measure) : 0,
                itemStyle: name === selectedName ? { borderColor: '#fa541c', borderWidth: 3 } : undefined,
              };
            }),
          },
        ],
      }}
    />
  );
}
