import { Card, Col, Flex, Row, Statistic, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import {
  PERIOD_BASIS,
  STAT_MEASURE_LABELS,
  STAT_MEASURES,
  STAT_SIDE_LABELS,
  type OverviewView,
  type StatMeasure,
  type StatSide,
} from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatBigYuan, formatCount, formatExactYuan, growth } from './format';

/** The three headline figures of a region and year on one side, each with its definition on hover and the change on last year. */
export function KpiCards({ overview, side }: { overview: OverviewView; side: StatSide }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const now = overview[side];
  const before = overview.previousYear[side];
  const period = overview.month ? `${overview.year}-${String(overview.month).padStart(2, '0')}` : String(overview.year);
  return (
    <Row gutter={[16, 16]}>
      {STAT_MEASURES.map((m: StatMeasure) => {
        const value = now[m];
        const change = growth(value, before[m]);
        const definition = (
          <Flex vertical gap={4}>
            <strong>{label(STAT_MEASURE_LABELS[m])}</strong>
            <span>{label(STAT_MEASURE_LABELS[m].definition)}</span>
            <span>
              {label(STAT_SIDE_LABELS[side])}：{label(STAT_SIDE_LABELS[side].basis)}
            </span>
            <span>{label(PERIOD_BASIS)}</span>
            <span>
              {overview.definition.region.name} · {period}
            </span>
          </Flex>
        );
        return (
          <Col key={m} xs={24} md={8}>
            <Tooltip title={definition} placement="bottom">
              <Card size="small" data-testid={`kpi-${m}`} hoverable>
                <Statistic
                  title={
                    <span>
                      {label(STAT_SIDE_LABELS[side])} · {label(STAT_MEASURE_LABELS[m])} <InfoCircleOutlined />
                    </span>
                  }
                  value={m === 'contracts' ? formatCount(value, locale) : formatBigYuan(value, locale)}
                  styles={{ content: { fontSize: 26 } }}
                />
                <Flex justify="space-between" wrap gap={4}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kpi-${m}-exact`}>
                    {m === 'contracts' ? t('stat.contractsUnit', { n: value }) : formatExactYuan(value)}
                  </Typography.Text>
                  {change !== null && (
                    <Typography.Text type={change >= 0 ? 'success' : 'danger'} style={{ fontSize: 12 }}>
                      {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {t('stat.yoy')} {(Math.abs(change) * 100).toFixed(1)}%
                    </Typography.Text>
                  )}
                </Flex>
              </Card>
            </Tooltip>
          </Col>
        );
      })}
    </Row>
  );
}
