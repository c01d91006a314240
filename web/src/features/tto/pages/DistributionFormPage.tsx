import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import {
  COST_KIND_LABELS,
  COST_KINDS,
  DISTRIBUTION_ROUTE_LABELS,
  DISTRIBUTION_ROUTES,
  type DistributionInput,
  type DistributionView,
} from '../../../../../common/api/distributions';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useDistribution } from '../api/get-distribution';
import { useSaveDistribution } from '../api/save-distribution';

type Values = z.input<typeof DistributionInput>;

/** The national floor (促进科技成果转化法 第四十五条): no region may set less; the server applies the region's own. */
const NATIONAL_FLOOR_PCT = 50;

/** Money is entered in yuan and kept in fen, so the server's field errors land on the field that holds it. */
const fenField = {
  normalize: (yuan: number | null) => (yuan == null ? yuan : Math.round(yuan * 100)),
  getValueProps: (fen: number | null | undefined) => ({ value: fen == null ? fen : fen / 100 }),
};

const sumPct = (inventors: Values['inventors'] | undefined) =>
  Math.round((inventors ?? []).reduce((s, i) => s + (Number(i?.contributionPct) || 0), 0) * 100) / 100;

function fromView(d: DistributionView): Values {
  return {
    sourceKind: d.sourceKind,
    sourceId: d.sourceId,
    route: d.route,
    profitYear: d.profitYear,
    implementationYears: d.implementationYears,
    achievementId: d.achievementId,
    receipts: d.receipts,
    costs: d.costs,
    organizationSharePct: d.teamSharePct !== d.floorPct ? d.teamSharePct : null,
    mainContributorsMinPct: d.mainContributorsMinPct,
    organizationRule: d.organizationRule,
    inventors: d.statements.map((s) => ({
      name: s.name,
      userId: s.userId,
      contributionPct: s.contributionPct,
      mainContributor: s.mainContributor,
    })),
    attachments: d.attachments,
  };
}

/** /workspace/distributions/new and /workspace/distributions/:id/edit — the TTO prepares a distribution. */
export function DistributionFormPage() {
  const { id } = useParams();
  const existing = useDistribution(id ?? '');
  if (id && !existing.data) return <Card loading={existing.isPending} />;
  return <DistributionForm existing={id ? existing.data : undefined} />;
}

function DistributionForm({ existing }: { existing?: DistributionView }) {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const save = useSaveDistribution();
  const onProblem = useProblemHandler();
  const floorPct = existing?.floorPct ?? NATIONAL_FLOOR_PCT;
  const route = Form.useWatch('route', form);
  const inventors = Form.useWatch('inventors', form);
  const total = sumPct(inventors);
  const initial: Values = existing
    ? fromView(existing)
    : {
        sourceKind: params.get('sourceKind') === 'deal' ? 'deal' : 'contract',
        sourceId: params.get('sourceId') ?? '',
        route: 'transfer',
        achievementId: params.get('achievementId'),
        receipts: [],
        costs: [],
        inventors: [{ name: '', contributionPct: 100, mainContributor: true }],
      };
  return (
    <Card title={existing ? `${t('tto.editDistribution')}：${existing.sourceTitle}` : t('tto.newDistribution')}>
      <Typography.Paragraph type="secondary">{t('tto.distributionFormHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) =>
          save.mutate(
            { id: existing?.id, body: { ...v, achievementId: v.achievementId || null } },
            { onSuccess: (view) => navigate(`/workspace/distributions/${view.id}`), onError: (e) => onProblem(e, form) },
          )
        }
      >
        <Space wrap align="start">
          <Form.Item name="sourceKind" label={t('tto.sourceKind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              disabled={!!existing}
              options={[
                { value: 'contract', label: t('tto.sourceKind.contract') },
                { value: 'deal', label: t('tto.sourceKind.deal') },
              ]}
            />
          </Form.Item>
          <Form.Item name="sourceId" label={t('tto.sourceId')} rules={[{ required: true }]}>
            <Input style={{ width: 340 }} disabled={!!existing} data-testid="distribution-source" />
          </Form.Item>
          <Form.Item name="route" label={t('tto.route')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={DISTRIBUTION_ROUTES.map((r) => ({ value: r, label: DISTRIBUTION_ROUTE_LABELS[r] }))} />
          </Form.Item>
          {route === 'self_implementation' && (
            <>
              <Form.Item name="profitYear" label={t('tto.profitYear')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item name="implementationYears" label={t('tto.implementationYears')} rules={[{ required: true }]}>
                <InputNumber min={3} max={5} />
              </Form.Item>
            </>
          )}
        </Space>

        <Typography.Title level={5}>{t('tto.receipts')}</Typography.Title>
        <Form.List name="receipts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'receivedOn']} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
                    <Input placeholder="2026-11-20" style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountFen']} rules={[{ required: true }]} {...fenField}>
                    <InputNumber min={0.01} step={1000} addonAfter="元" placeholder={t('tto.amount')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reference']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.receiptReference')} style={{ width: 240 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} data-testid="add-receipt">
                {t('tto.addReceipt')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('tto.costs')}
        </Typography.Title>
        <Form.List name="costs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 140 }} options={COST_KINDS.map((k) => ({ value: k, label: COST_KIND_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.costDescription')} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountFen']} rules={[{ required: true }]} {...fenField}>
                    <InputNumber min={0.01} step={100} addonAfter="元" style={{ width: 180 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ kind: 'patent_fee' })} icon={<PlusOutlined />}>
                {t('tto.addCost')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('tto.teamShare')}
        </Typography.Title>
        <Space wrap align="start">
          <Form.Item
            name="organizationSharePct"
            label={t('tto.organizationSharePct')}
            extra={t('tto.floorHint', { floor: floorPct })}
            rules={[{ type: 'number', min: floorPct, message: t('tto.belowFloor', { floor: floorPct }) }]}
          >
            <InputNumber min={0} max={100} step={0.01} addonAfter="%" placeholder={`≥ ${floorPct}`} />
          </Form.Item>
          <Form.Item name="mainContributorsMinPct" label={t('tto.mainContributorsMin')}>
            <InputNumber min={0} max={100} step={0.01} addonAfter="%" />
          </Form.Item>
          <Form.Item name="organizationRule" label={t('tto.orgRule')}>
            <Input style={{ width: 320 }} placeholder="《××大学科技成果转化管理办法》第十二条" />
          </Form.Item>
        </Space>

        <Typography.Title level={5}>{t('tto.inventors')}</Typography.Title>
        <Form.List
          name="inventors"
          rules={[
            {
              validator: async (_, list: Values['inventors']) => {
                if (!list?.length) throw new Error(t('tto.needInventor'));
                if (sumPct(list) !== 100) throw new Error(t('tto.contributionsNot100', { total: sumPct(list) }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.inventorName')} data-testid="inventor-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contributionPct']} rules={[{ required: true }]}>
                    <InputNumber min={0.01} max={100} step={0.01} addonAfter="%" data-testid="inventor-pct" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'mainContributor']} valuePropName="checked">
                    <Checkbox>{t('tto.mainContributor')}</Checkbox>
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Space>
                <Button type="dashed" onClick={() => add({ contributionPct: 0, mainContributor: false })} icon={<PlusOutlined />}>
                  {t('tto.addInventor')}
                </Button>
                <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid="contribution-total">
                  {t('tto.contributionTotal', { total })}
                </Typography.Text>
              </Space>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>

        {existing && existing.problems.length > 0 && (
          <Alert type="warning" showIcon style={{ marginTop: 16 }} message={existing.problems.map((p) => p.message).join('；')} />
        )}
        <Form.Item style={{ marginTop: 16 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="distribution-save">
              {t('tto.saveDistribution')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('tto.cancel')}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
