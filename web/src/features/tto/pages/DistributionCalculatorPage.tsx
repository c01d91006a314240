import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { DISTRIBUTION_ROUTE_LABELS, type PreviewBody } from '../../../../../common/api/distributions';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useProblemHandler } from '../../../lib/problems';
import { usePreviewDistribution } from '../api/preview-distribution';

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

interface Values {
  netIncomeYuan: number;
  regionCode: string;
  route: PreviewBody['route'];
  inventors: { name: string; contributionPct: number }[];
}

/** /tools/distribution-calculator — the team's share of a net income under the region's rule, split by contribution. */
export function DistributionCalculatorPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const preview = usePreviewDistribution();
  const onProblem = useProblemHandler();
  const needsLogin = isApiProblem(preview.error, 'unauthenticated');
  return (
    <Card title={t('tto.calculator')} style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('tto.calculatorHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: '120000', route: 'transfer', inventors: [{ name: '', contributionPct: 100 }] }}
        onFinish={(v) =>
          preview.mutate(
            { netIncomeFen: Math.round(v.netIncomeYuan * 100), regionCode: v.regionCode, route: v.route, inventors: v.inventors },
            { onError: (e) => !isApiProblem(e, 'unauthenticated') && onProblem(e, form) },
          )
        }
      >
        <Space wrap>
          <Form.Item name="netIncomeYuan" label={t('tto.netIncomeYuan')} rules={[{ required: true }]}>
            <InputNumber style={{ width: 200 }} step={1000} data-testid="calc-net" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('tto.regionCode')} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="route" label={t('tto.route')}>
            <Select
              style={{ width: 140 }}
              options={(['transfer', 'licence', 'equity'] as const).map((r) => ({ value: r, label: DISTRIBUTION_ROUTE_LABELS[r] }))}
            />
          </Form.Item>
        </Space>
        <Form.List name="inventors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.inventorName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contributionPct']} rules={[{ required: true }]}>
                    <InputNumber min={0.01} max={100} step={0.01} addonAfter="%" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ contributionPct: 0 })} icon={<PlusOutlined />}>
                {t('tto.addInventor')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={preview.isPending} data-testid="calc-submit">
            {t('tto.calculate')}
          </Button>
        </Form.Item>
      </Form>
      {needsLogin && <Alert type="info" showIcon message={<Link to="/login">{t('tto.loginToCalculate')}</Link>} />}
      {preview.data && (
        <>
          <Alert
            type="success"
            showIcon
            message={`${t('tto.teamShare')}：${yuan(preview.data.teamShareFen)}（${preview.data.teamSharePct}%）`}
            description={`${t('tto.source')}：${preview.data.source}`}
            style={{ marginBottom: 12 }}
          />
          <Table
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={preview.data.perInventor}
            columns={[
              { title: t('tto.inventorName'), dataIndex: 'name' },
              { title: t('tto.amount'), dataIndex: 'amountFen', render: (f: number) => yuan(f) },
            ]}
            data-testid="calc-result"
          />
        </>
      )}
    </Card>
  );
}
