import { Flex, Typography } from 'antd';
import { STAT_SIDE_LABELS, type TargetView } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { Chart } from './Chart';
import { formatBigYuan, formatCount } from './format';

/** Progress against one yearly target, with the share of the year gone by as the pace mark. */
export function TargetGauge({ target, height = 220 }: { target: TargetView; height?: number }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const pct = Math.round(target.progress * 1000) / 10;
  const pace = Math.round(target.yearElapsed * 100);
  const fmt = (v: number) => (target.metric === 'contracts' ? formatCount(v, locale) : formatBigYuan(v, locale));
  const ahead = target.progress >= target.yearElapsed;
  return (
    <Flex vertical align="center" gap={0} data-testid="target-gauge">
      <Chart
        height={height}
        option={{
          series: [
            {
              type: 'gauge',
              min: 0,
              max: 100,
              startAngle: 210,
              endAngle: -30,
              progress: { show: true, width: 14, itemStyle: { color: ahead ? '#52c41a' : '#fa8c16' } },
              axisLine: {
                lineStyle: {
                  width: 14,
                  color: [
                    [Math.min(1, target.yearElapsed), '#d9d9d9'],
                    [1, '#f0f0f0'],
                  ],
                },
              },
              axisTick: { show: false },
              splitLine: { length: 8, lineStyle: { width: 1, color: '#bfbfbf' } },
              axisLabel: { distance: 18, fontSize: 10 },
              pointer: { show: false },
              detail: { valueAnimation: true, formatter: '{value}%', fontSize: 24, offsetCenter: [0, '10%'] },
              title: { offsetCenter: [0, '45%'], fontSize: 12 },
              data: [{ value: Math.min(pct, 100), name: t('stat.target.pace', { pace }) }],
            },
          ],
        }}
      />
      <Typography.Text strong>
        {target.region.name} · {t(`stat.target.metric.${target.metric}`)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {fmt(target.actual)} / {fmt(target.value)} · {label(STAT_SIDE_LABELS[target.side])} · {pct}%
      </Typography.Text>
    </Flex>
  );
}
