// The feature's one ECharts set-up: only the charts and components the dashboard draws (tree-shaken),
// and the Tianjin district map, registered once when its GeoJSON has loaded.
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, MapChart, PieChart, SankeyChart } from 'echarts/charts';
import type {
  BarSeriesOption,
  GaugeSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
  PieSeriesOption,
  SankeySeriesOption,
} from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useQuery } from '@tanstack/react-query';
import tianjinUrl from '../../../assets/geo/tianjin-districts.json?url';

echarts.use([
  LineChart,
  BarChart,
  PieChart,
  MapChart,
  SankeyChart,
  GaugeChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | MapSeriesOption
  | SankeySeriesOption
  | GaugeSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

export const TIANJIN_MAP = 'tianjin';

interface GeoFeature {
  id?: string;
  properties: { name: string; adcode?: string | number };
}

/** GB/T 2260 code → the map's feature name (the features carry the code as `id`, some also as `adcode`). */
export type DistrictNames = Map<string, string>;

async function loadTianjin(signal: AbortSignal): Promise<DistrictNames> {
  const response = await fetch(tianjinUrl, { signal });
  if (!response.ok) throw new Error(`map ${response.status}`);
  const geo = (await response.json()) as { features: GeoFeature[] };
  if (!echarts.getMap(TIANJIN_MAP)) echarts.registerMap(TIANJIN_MAP, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
  const names: DistrictNames = new Map();
  for (const f of geo.features) {
    const code = String(f.properties.adcode ?? f.id ?? '');
    if (code) names.set(code, f.properties.name);
  }
  return names;
}

/** Loads and registers the district map once per visit. */
export function useTianjinMap() {
  return useQuery({ queryKey: ['geo', TIANJIN_MAP], queryFn: ({ signal }) => loadTianjin(signal), staleTime: Infinity, gcTime: Infinity });
}
