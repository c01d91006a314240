import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  height?: number;
  loading?: boolean;
  onClick?: (params: { name: string; data?: unknown; seriesType?: string }) => void;
  testId?: string;
}

/** One chart over the feature's tree-shaken ECharts. */
export function Chart({ option, height = 300, loading, onClick, testId }: Props) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        showLoading={loading}
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}
