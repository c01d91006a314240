import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Segmented, Select, Skeleton, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { STAT_MEASURE_LABELS, STAT_SIDE_LABELS, type OpenDataCell, type StatSide } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { withQuery } from '../../../lib/api';
import { useOpenData } from '../api/get-open-data';
import { BreakdownChart } from '../components/BreakdownChart';
import type { AmountMeasure } from '../components/dashboard-state';
import { DistrictMap } from '../components/DistrictMap';
import { FlowSankey } from '../components/FlowSankey';
import { formatBigYuan, formatCount } from '../components/format';
import { openDistricts, openFlows, openTrend, openTypes } from '../components/open-data';
import { Panel } from '../components/Panel';
import { TrendChart } from '../components/TrendChart';

/** /statistics: the open figures of the city's technology market (aggregates only, small cells suppressed), with CSV and JSON downloads. */
export function StatisticsPage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const [year, setYear] = useState<number | undefined>();
  const [side, setSide] = useState<StatSide>('output');
  const [measure, setMeasure] = useState<AmountMeasure>('contractAmountFen');
  const data = useOpenData(year);
  if (data.isError) return <Result status="warning" title={data.error.message} />;
  if (!data.data) return <Skeleton active />;
  const v = data.data;
  const districts = v.cells.filter((c) => c.table === 'district' && c.side === side);
  const value = (c: OpenDataCell, m: AmountMeasure | 'contracts') =>
    c.suppressed || c[m] == null ? t('stat.suppressed') : m === 'contracts' ? formatCount(c[m], locale) : formatBigYuan(c[m], locale);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('stat.publicTitle', { city: v.city.name })}
            </Typography.Title>
            <Space wrap>
              <a href={withQuery('/api/open-data/statistics.csv', { year: v.year })} download data-testid="open-csv">
                <Button icon={<DownloadOutlined />}>CSV</Button>
              </a>
              <a href={withQuery('/api/open-data/statistics', { year: v.year })} target="_blank" rel="noreferrer" data-testid="open-json">
                <Button icon={<DownloadOutlined />}>JSON</Button>
              </a>
            </Space>
          </Flex>
          <Flex gap={12} wrap align="center">
            <Select
              value={v.year}
              onChange={setYear}
              options={v.availableYears.map((y) => ({ value: y, label: t('stat.yearOption', { year: y }) }))}
              style={{ width: 120 }}
            />
            <Segmented
              value={side}
              onChange={(x) => setSide(x as StatSide)}
              options={(['output', 'absorption'] as const).map((s) => ({ value: s, label: label(STAT_SIDE_LABELS[s]) }))}
            />
            <Segmented
              value={measure}
              onChange={(x) => setMeasure(x as AmountMeasure)}
              options={(['contractAmountFen', 'technologyTransactionAmountFen'] as const).map((m) => ({
                value: m,
                label: label(STAT_MEASURE_LABELS[m]),
              }))}
            />
          </Flex>
          <Alert
            type="info"
            showIcon
            title={t('stat.openDataNote', { n: v.minContractsPerCell })}
            description={
              <Descriptions
                size="small"
                column={1}
                items={[
                  ...Object.entries(v.definitions.measures).map(([k, d]) => ({
                    key: k,
                    label: label(STAT_MEASURE_LABELS[k as AmountMeasure], k),
                    children: label(d),
                  })),
                  { key: 'side', label: label(STAT_SIDE_LABELS[side]), children: label(v.definitions.sides[side]) },
                  { key: 'period', label: t('stat.period'), children: label(v.definitions.period) },
                  { key: 'suppression', label: t('stat.suppression'), children: label(v.definitions.suppression) },
                ]}
              />
            }
          />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Panel title={t('stat.trend')}>
            <TrendChart trend={openTrend(v, side)} measure={measure} loading={data.isFetching} />
          </Panel>
        </Col>
        <Col xs={24} xl={8}>
          <Panel title={t('stat.byType')}>
            <BreakdownChart view={openTypes(v, side)} measure={measure} kind="pie" />
          </Panel>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Panel title={t('stat.map')}>
            <DistrictMap rows={openDistricts(v, side)} measure={measure} />
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <Panel title={t('stat.regions')}>
            <Table<OpenDataCell>
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ y: 420 }}
              dataSource={districts}
              data-testid="open-districts"
              columns={[
                { title: t('stat.region'), dataIndex: 'label' },
                {
                  title: label(STAT_MEASURE_LABELS.contracts),
                  key: 'n',
                  align: 'right',
                  width: 90,
                  render: (_, c) => value(c, 'contracts'),
                },
                { title: label(STAT_MEASURE_LABELS[measure]), key: 'a', align: 'right', width: 140, render: (_, c) => value(c, measure) },
              ]}
            />
          </Panel>
        </Col>
      </Row>
      <Panel title={t('stat.flows')}>
        <FlowSankey flows={openFlows(v)} measure={measure} />
      </Panel>
    </Flex>
  );
}
