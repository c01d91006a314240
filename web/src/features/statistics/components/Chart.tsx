import { useEffect, useRef } from 'react';
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
 * One chart over the feature's tree-shaken ECharts: created on mount, given each new option whole
 * (notMerge), resized with its box, disposed on unmount. (A direct wrapper: echarts-for-react's ESM
 * build imports `tslib`, which is not installed where it can resolve it, so the production build fails.)
 */
export function Chart({ option, height = 300, loading, onClick, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el);
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as unknown as ClickParams));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  useEffect(() => {
    if (loading) chart.current?.showLoading('default', { text: '' });
    else chart.current?.hideLoading();
  }, [loading]);

  return <div ref={box} data-testid={testId} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }} />;
}
