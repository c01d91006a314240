import { useRef, useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Form, InputNumber, Popconfirm, Progress, Row, Select, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { STAT_SIDE_LABELS, TARGET_METRICS, type TargetMetric, type TargetView, type StatSide } from '../../../../../common/api/statistics';
import { WanInput } from '../../../components/catalog/formParts';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useDeleteTarget } from '../api/delete-target';
import { useOverview } from '../api/get-overview';
import { useTargets } from '../api/list-targets';
import { useSetTarget } from '../api/set-target';
import { formatBigYuan, formatCount } from '../components/format';
import { TargetGauge } from '../components/TargetGauge';

interface TargetForm {
  regionCode: string;
  side: StatSide;
  metric: TargetMetric;
  value: number | null;
}

/** /workspace/targets: yearly targets for the officer's region and its districts, with progress against them. */
export function TargetsPage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const overview = useOverview({ year });
  const targets = useTargets({ year });
  const save = useSetTarget();
  const remove = useDeleteTarget();
  const [form] = Form.useForm<TargetForm>();
  const metric = Form.useWatch('metric', form) ?? 'contract_amount';
  // The officer's scope does not change with the year: keep the last one while another year loads, so
  // the form (whose region defaults to it) is not torn down and rebuilt without a region.
  const lastScope = useRef(overview.data?.scope);
  if (overview.data?.scope) lastScope.current = overview.data.scope;
  const scope = overview.data?.scope ?? lastScope.current;
  // Next year (to plan), this year, and every year with registered contracts.
  const years = [...new Set([thisYear + 1, thisYear, ...(overview.data?.availableYears ?? [])])].sort((a, b) => b - a);
  const regionOptions = scope ? [scope.root, ...scope.children].map((r) => ({ value: r.code, label: r.name })) : [];
  const fmt = (x: TargetView, v: number) => (x.metric === 'contracts' ? formatCount(v, locale) : formatBigYuan(v, locale));

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      { year, regionCode: v.regionCode, side: v.side, metric: v.metric, value: v.value ?? 0 },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => onProblem(e, form) },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.targets')}
          </Typography.Title>
          <Select
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t('stat.yearOption', { year: y }) }))}
            style={{ width: 120 }}
            data-testid="targets-year"
          />
        </Flex>
      </Card>
      {targets.data?.canSetTargets && scope && (
        <Card title={t('stat.target.set')} size="small">
          <Form
            form={form}
            layout="inline"
            initialValues={{ side: 'output', metric: 'contract_amount', regionCode: scope.root.code }}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="regionCode" rules={[{ required: true, message: t('common.required') }]}>
              <Select
                options={regionOptions}
                placeholder={t('stat.region')}
                style={{ width: 180 }}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="target-region"
              />
            </Form.Item>
            <Form.Item name="side">
              <Select
                options={(['output', 'absorption'] as const).map((s) => ({ value: s, label: label(STAT_SIDE_LABELS[s]) }))}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="metric">
              <Select
                options={TARGET_METRICS.map((m) => ({ value: m, label: t(`stat.target.metric.${m}`) }))}
                style={{ width: 140 }}
                onChange={() => form.setFieldValue('value', null)}
                data-testid="target-metric"
              />
            </Form.Item>
            <Form.Item name="value" rules={[{ required: true, message: t('common.required') }]}>
              {metric === 'contracts' ? (
                <InputNumber min={1} precision={0} placeholder={t('stat.target.count')} style={{ width: 180 }} data-testid="target-count" />
              ) : (
                <WanInput testId="target-value" placeholder={t('stat.target.amount')} />
              )}
            </Form.Item>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="target-save">
              {t('stat.target.save')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('stat.target.help')}
          </Typography.Paragraph>
        </Card>
      )}
      {targets.data && targets.data.items.length > 0 && (
        <Row gutter={[16, 16]}>
          {targets.data.items.slice(0, 4).map((x) => (
            <Col key={x.id} xs={24} md={12} xl={6}>
              <Card size="small">
                <TargetGauge target={x} height={200} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card size="small">
        <Table<TargetView>
          rowKey="id"
          size="small"
          loading={targets.isPending}
          dataSource={targets.data?.items}
          pagination={false}
          data-testid="targets-table"
          locale={{ emptyText: <Empty description={t('stat.target.none')} /> }}
          columns={[
            { title: t('stat.region'), key: 'region', render: (_, x) => x.region.name },
            { title: t('stat.target.side'), dataIndex: 'side', width: 110, render: (s: StatSide) => label(STAT_SIDE_LABELS[s]) },
            {
              title: t('stat.target.metricTitle'),
              dataIndex: 'metric',
              width: 130,
              render: (m: TargetMetric) => t(`stat.target.metric.${m}`),
            },
            { title: t('stat.target.value'), key: 'value', align: 'right', width: 140, render: (_, x) => fmt(x, x.value) },
            { title: t('stat.target.actual'), key: 'actual', align: 'right', width: 140, render: (_, x) => fmt(x, x.actual) },
            {
              title: t('stat.target.progress'),
              key: 'progress',
              width: 200,
              render: (_, x) => (
                <Flex gap={8} align="center">
                  <Progress
                    percent={Math.min(100, x.progress * 100)}
                    showInfo={false}
                    status={x.progress >= 1 ? 'success' : x.progress < x.yearElapsed ? 'exception' : 'active'}
                    size="small"
                    style={{ flex: 1, margin: 0 }}
                  />
                  <Typography.Text data-testid="target-progress">{Math.round(x.progress * 1000) / 10}%</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('stat.target.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              responsive: ['lg'],
              render: (v: string) => formatDateTime(v, locale),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 70,
              render: (_, x) =>
                x.actions.includes('delete') && (
                  <Popconfirm title={t('common.areYouSure')} onConfirm={() => remove.mutate(x.id, { onError: (e) => onProblem(e) })}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
