import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  COST_KIND_LABELS,
  DISTRIBUTION_ROUTE_LABELS,
  DISTRIBUTION_TRANSITION_LABELS,
  type DistributionTransition,
  type DistributionView,
} from '../../../../../common/api/distributions';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useDistribution } from '../api/get-distribution';
import { useTransitionDistribution } from '../api/transition-distribution';
import { DistributionStatusTag } from '../components/DisclosureStatusTag';

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** /workspace/distributions/:id — one distribution: income, costs, the rule, and each person's payout statement. */
export function DistributionDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const q = useDistribution(id);
  const transition = useTransitionDistribution();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<{ reason?: string; reference?: string }>();
  const d = q.data;
  if (!d) return <Card loading={q.isPending}>{q.isError && t('app.notFound')}</Card>;
  const fire = (action: DistributionTransition) => {
    const v = form.getFieldsValue();
    transition.mutate(
      { id: d.id, body: { action, reason: v.reason || undefined, reference: v.reference || undefined } },
      { onError: (e) => onProblem(e, form) },
    );
  };
  const acts = d.actions.filter((a): a is DistributionTransition => a !== 'edit');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {d.sourceTitle} <DistributionStatusTag status={d.status} />
          </Space>
        }
        extra={
          d.actions.includes('edit') && (
            <Link to={`/workspace/distributions/${d.id}/edit`} data-testid="distribution-edit">
              {t('tto.edit')}
            </Link>
          )
        }
      >
        {d.problems.map((p) => (
          <Alert key={p.field + p.message} type="warning" showIcon message={p.message} style={{ marginBottom: 8 }} />
        ))}
        {d.returnReason && (
          <Alert type="warning" showIcon message={`${t('tto.returnReason')}：${d.returnReason}`} style={{ marginBottom: 8 }} />
        )}
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('tto.organization')}>{d.organization.name}</Descriptions.Item>
          <Descriptions.Item label={t('tto.route')}>{DISTRIBUTION_ROUTE_LABELS[d.route]}</Descriptions.Item>
          <Descriptions.Item label={t('tto.grossIncome')}>{yuan(d.grossIncomeFen)}</Descriptions.Item>
          <Descriptions.Item label={t('tto.costs')}>
            {yuan(d.costsFen)}
            {d.costs.length > 0 && (
              <Typography.Text type="secondary">
                （{d.costs.map((c) => `${COST_KIND_LABELS[c.kind]} ${c.description} ${yuan(c.amountFen)}`).join('；')}）
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('tto.netIncome')}>{yuan(d.netIncomeFen)}</Descriptions.Item>
          <Descriptions.Item label={t('tto.teamShare')}>
            {yuan(d.teamShareFen)}（{d.teamSharePct}%）
          </Descriptions.Item>
          <Descriptions.Item label={t('tto.floor')} span={2}>
            {d.floorPct}% · {d.floorSource}
          </Descriptions.Item>
          {d.organizationRule && (
            <Descriptions.Item label={t('tto.orgRule')} span={2}>
              {d.organizationRule}
              {d.mainContributorsMinPct !== null && `（${t('tto.mainContributorsMin')} ${d.mainContributorsMinPct}%）`}
            </Descriptions.Item>
          )}
          {d.paidAt && (
            <Descriptions.Item label={t('tto.paid')} span={2}>
              {d.paidAt.slice(0, 10)} · {d.paymentReference}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('tto.statements')} size="small">
        <Table<DistributionView['statements'][number]>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.statements}
          data-testid="statements"
          columns={[
            {
              title: t('tto.inventorName'),
              dataIndex: 'name',
              render: (n: string, s) =>
                s.mainContributor ? (
                  <Space>
                    {n}
                    <Tag color="blue">{t('tto.mainContributor')}</Tag>
                  </Space>
                ) : (
                  n
                ),
            },
            { title: t('tto.contribution'), dataIndex: 'contributionPct', render: (p: number) => `${p}%` },
            { title: t('tto.form'), dataIndex: 'form', render: (f: 'cash' | 'equity') => t(`tto.form.${f}`) },
            { title: t('tto.amount'), dataIndex: 'amountFen', render: (f: number) => yuan(f) },
          ]}
          expandable={{
            expandedRowRender: (s) =>
              s.taxNotes.map((n) => (
                <Typography.Paragraph key={n} type="secondary">
                  {n}
                </Typography.Paragraph>
              )),
          }}
        />
      </Card>
      {acts.length > 0 && (
        <Card size="small">
          <Form form={form} layout="inline">
            {acts.includes('return') && (
              <Form.Item name="reason">
                <Input placeholder={t('tto.returnReason')} />
              </Form.Item>
            )}
            {acts.includes('pay') && (
              <Form.Item name="reference">
                <Input placeholder={t('tto.paymentReference')} />
              </Form.Item>
            )}
            {acts.map((a) => (
              <Button
                key={a}
                onClick={() => fire(a)}
                loading={transition.isPending}
                type={a === 'approve' || a === 'pay' ? 'primary' : 'default'}
                data-testid={`distribution-${a}`}
              >
                {DISTRIBUTION_TRANSITION_LABELS[a]}
              </Button>
            ))}
          </Form>
        </Card>
      )}
    </Space>
  );
}
