import { Empty } from 'antd';
import type { FlowsView, StatMeasure } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { chartValue, formatMeasure } from './format';

/**
 * Technology flows through the region: on the left where the sellers of the technology it absorbs
 * are, on the right where the buyers of the technology it supplies are (the region itself, the rest
 * of the city, Beijing, Hebei, the rest of China, abroad).
 */
export function FlowSankey({ flows, measure, loading }: { flows: FlowsView | undefined; measure: StatMeasure; loading?: boolean }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  if (!flows) return null;
  const region = flows.definition.region.name;
  const inflow = flows.inflow.filter((r) => r[measure] > 0);
  const outflow = flows.outflow.filter((r) => r[measure] > 0);
  if (inflow.length + outflow.length === 0) return <Empty description={t('stat.noData')} />;
  const nodeLabel = new Map<string, string>([['region', region]]);
  const text = new Map<string, string>();
  const nodes = [{ name: 'region', itemStyle: { color: '#0958d9' } }];
  const links: { source: string; target: string; value: number }[] = [];
  for (const r of inflow) {
    const id = `in:${r.area}`;
    nodes.push({ name: id, itemStyle: { color: '#52c41a' } });
    nodeLabel.set(id, label(r.label, r.area));
    links.push({ source: id, target: 'region', value: chartValue(r, measure) });
    text.set(`${id}>region`, t('stat.flowIn', { from: label(r.label, r.area), to: region, value: formatMeasure(r, measure, locale) }));
  }
  for (const r of outflow) {
    const id = `out:${r.area}`;
    nodes.push({ name: id, itemStyle: { color: '#fa8c16' } });
    nodeLabel.set(id, label(r.label, r.area));
    links.push({ source: 'region', target: id, value: chartValue(r, measure) });
    text.set(`region>${id}`, t('stat.flowOut', { from: region, to: label(r.label, r.area), value: formatMeasure(r, measure, locale) }));
  }
  return (
    <Chart
      testId="flow-sankey"
      loading={loading}
      height={360}
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: unknown) => {
            const x = p as { dataType: string; name: string; data: { source?: string; target?: string } };
            if (x.dataType === 'edge') return text.get(`${x.data.source}>${x.data.target}`) ?? '';
            return nodeLabel.get(x.name) ?? x.name;
          },
        },
        series: [
          {
            type: 'sankey',
            left: 8,
            right: 100,
            top: 8,
            bottom: 8,
            nodeAlign: 'justify',
            emphasis: { focus: 'adjacency' },
            lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.45 },
            label: { formatter: (p: unknown) => nodeLabel.get((p as { name: string }).name) ?? '' },
            data: nodes,
            links,
          },
        ],
      }}
    />
  );
}
