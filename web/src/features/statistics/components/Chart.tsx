import { useMemo, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts, type ChartOption } from './echarts';

interface ClickParams {
  name: string;
  data?: unknown;
  seriesType?: string;
}

interface Props {
  option: ChartOption;
  height?: number;
  loading?: boolean;
  onClick?: (params: ClickParams) => void;
  testId?: string;
}

/**
 * One chart over the feature's tree-shaken ECharts (`./echarts` registers only the charts and
 * components used) through echarts-for-react's core entry: each new option is given whole
 * (notMerge), the chart follows its box's size and is disposed on unmount.
 */
export function Chart({ option, height = 300, loading, onClick, testId }: Props) {
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  // Stable handlers: echarts-for-react rebinds events when the object changes.
  const onEvents = useMemo(() => ({ click: (p: unknown) => clickRef.current?.(p as ClickParams) }), []);
  return (
    <div data-testid={testId} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        showLoading={Boolean(loading)}
        loadingOption={{ text: '' }}
        onEvents={onEvents}
        style={{ height: '100%', width: '100%' }}
      />
    </div>
  );
}
