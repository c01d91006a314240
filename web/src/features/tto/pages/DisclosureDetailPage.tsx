import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import {
  DECISION_LABELS,
  DECISIONS,
  DISCLOSURE_TRANSITION_LABELS,
  EMPOWER_FORM_LABELS,
  EMPOWER_FORMS,
  FEE_PAYER_LABELS,
  FEE_PAYERS,
  type Decision,
  type DisclosureTransition,
  type DisclosureView,
} from '../../../../../common/api/disclosures';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useActOnDisclosure, type DisclosureAct } from '../api/act-on-disclosure';
import { useDisclosure } from '../api/get-disclosure';
import { DisclosureStatusTag } from '../components/DisclosureStatusTag';

const CRITERIA = [
  { key: 'patentability', max: 40 },
  { key: 'market', max: 30 },
  { key: 'readiness', max: 30 },
] as const;

/** /workspace/disclosures/:id — one disclosure: its clocks, inventors' confirmations, the TTO's assessment and decision. */
export function DisclosureDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const q = useDisclosure(id);
  const act = useActOnDisclosure();
  const onProblem = useProblemHandler();
  const [assessForm] = Form.useForm();
  const [decideForm] = Form.useForm();
  const [returnForm] = Form.useForm<{ reason: string }>();
  const [panelForm] = Form.useForm<{ size: number; dueOn?: Dayjs }>();
  const d = q.data;
  if (!d) return <Card loading={q.isPending}>{q.isError && t('app.notFound')}</Card>;
  const run = (a: DisclosureAct, form?: Parameters<typeof onProblem>[1]) =>
    act.mutate({ id: d.id, act: a }, { onError: (e) => onProblem(e, form) });
  const transitions = d.actions.filter((a): a is DisclosureTransition => a in DISCLOSURE_TRANSITION_LABELS && a !== 'return');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {d.title} <DisclosureStatusTag status={d.status} />
            {d.publiclyFunded && <Tag color="gold">{t('tto.publiclyFunded')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {transitions.map((a) => (
              <Button key={a} onClick={() => run({ kind: 'transition', action: a })} data-testid={`disclosure-${a}`}>
                {DISCLOSURE_TRANSITION_LABELS[a]}
              </Button>
            ))}
            {d.actions.includes('create_achievement') && (
              <Button type="primary" onClick={() => run({ kind: 'achievement' })} data-testid="disclosure-achievement">
                {t('tto.createAchievement')}
              </Button>
            )}
          </Space>
        }
      >
        {d.clocks.map((c) => (
          <Alert
            key={c.kind + c.deadline}
            type={c.daysLeft < 30 ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            message={c.message}
            description={`${t('tto.source')}：${c.source}`}
          />
        ))}
        {d.returnReason && (
          <Alert type="warning" showIcon message={`${t('tto.returnReason')}：${d.returnReason}`} style={{ marginBottom: 8 }} />
        )}
        {d.achievementId && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 8 }}
            message={<Link to={`/achievements/${d.achievementId}`}>{t('tto.becameAchievement')}</Link>}
          />
        )}
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('tto.organization')}>{d.organization.name}</Descriptions.Item>
          <Descriptions.Item label={t('tto.summary')}>{d.summary}</Descriptions.Item>
          <Descriptions.Item label={t('tto.keywords')}>{d.keywords.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tto.confidentialDescription')}>
            {d.confidential ? (
              d.confidential.description
            ) : (
              <Typography.Text type="secondary">{t('tto.confidentialHidden')}</Typography.Text>
            )}
          </Descriptions.Item>
          {Object.entries(d.dates).map(([k, v]) => (
            <Descriptions.Item key={k} label={t(`tto.date.${k as keyof DisclosureView['dates']}`)}>
              {v ?? '—'}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('tto.funding')}>
            {d.fundingSources
              .map((f) => `${f.funder} ${f.grantNumber}${f.publicFunding ? `（${t('tto.publiclyFunded')}）` : ''}`)
              .join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('tto.decisionDue')}>{d.decisionDueAt?.slice(0, 10) ?? '—'}</Descriptions.Item>
          {d.decisionDetail && (
            <Descriptions.Item label={t('tto.decision')}>
              {DECISION_LABELS[d.decision!]}：{d.decisionDetail.reason}
              {d.decisionDetail.patent && ` · ${d.decisionDetail.patent.number ?? ''}（${d.decisionDetail.patentFiledOn}）`}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card title={t('tto.inventors')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.inventors}
          columns={[
            { title: t('tto.inventorName'), dataIndex: 'name' },
            { title: t('tto.inventorOrg'), dataIndex: 'organizationName' },
            { title: t('tto.contribution'), dataIndex: 'contributionPct', render: (p: number) => `${p}%` },
            {
              title: t('tto.confirmed'),
              key: 'confirmed',
              render: (_, i) =>
                i.confirmedAt ? (
                  <Tag color="green">{i.confirmedByStaff ? t('tto.confirmedOnPaper') : t('tto.confirmed')}</Tag>
                ) : d.actions.includes('confirm') ? (
                  <Button size="small" onClick={() => run({ kind: 'confirm', inventorId: i.id })} data-testid="confirm-inventor">
                    {t('tto.confirm')}
                  </Button>
                ) : (
                  <Tag>{t('tto.unconfirmed')}</Tag>
                ),
            },
          ]}
        />
      </Card>

      {(d.assessments.length > 0 || d.expertPanel) && (
        <Card title={t('tto.assessments')} size="small">
          {d.assessments.map((a) => (
            <Typography.Paragraph key={a.createdAt}>
              {a.assessorName}：{a.total} 分（{CRITERIA.map((c) => `${t(`tto.criterion.${c.key}`)} ${a.scores[c.key] ?? '—'}`).join('，')}
              ）· {t('tto.recommends')}
              {DECISION_LABELS[a.recommendation]} {a.comment}
            </Typography.Paragraph>
          ))}
          {d.expertPanel && (
            <Typography.Paragraph>
              {t('tto.expertPanel')}：{d.expertPanel.experts.map((e) => `${e.name} ${e.total ?? '—'}`).join('，')}
              {d.expertPanel.mean !== null && ` · ${t('tto.mean')} ${d.expertPanel.mean}`}
            </Typography.Paragraph>
          )}
        </Card>
      )}

      {d.actions.includes('assess') && (
        <Card title={t('tto.assess')} size="small">
          <Form
            form={assessForm}
            layout="inline"
            onFinish={(v: Record<string, number> & { recommendation: Decision; comment?: string }) =>
              run(
                {
                  kind: 'assess',
                  body: {
                    scores: Object.fromEntries(CRITERIA.map((c) => [c.key, v[c.key]!])),
                    recommendation: v.recommendation,
                    comment: v.comment,
                  },
                },
                assessForm,
              )
            }
          >
            {CRITERIA.map((c) => (
              <Form.Item key={c.key} name={c.key} label={`${t(`tto.criterion.${c.key}`)}（0–${c.max}）`} rules={[{ required: true }]}>
                <InputNumber min={0} max={c.max} step={0.5} data-testid={`assess-${c.key}`} />
              </Form.Item>
            ))}
            <Form.Item name="recommendation" label={t('tto.recommends')} rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                options={DECISIONS.map((k) => ({ value: k, label: DECISION_LABELS[k] }))}
                data-testid="assess-recommendation"
              />
            </Form.Item>
            <Form.Item name="comment">
              <Input placeholder={t('tto.comment')} />
            </Form.Item>
            <Button htmlType="submit" loading={act.isPending} data-testid="assess-submit">
              {t('tto.saveScores')}
            </Button>
          </Form>
        </Card>
      )}

      {d.actions.includes('open_panel') && !d.expertPanel && (
        <Card title={t('tto.openPanel')} size="small">
          <Typography.Paragraph type="secondary">{t('tto.panelHint')}</Typography.Paragraph>
          <Form
            form={panelForm}
            layout="inline"
            initialValues={{ size: 3 }}
            onFinish={(v) =>
              run({ kind: 'panel', size: v.size, dueAt: v.dueOn ? v.dueOn.endOf('day').toISOString() : undefined }, panelForm)
            }
          >
            <Form.Item name="size" label={t('tto.panelSize')} rules={[{ required: true }]}>
              <InputNumber min={1} max={15} data-testid="panel-size" />
            </Form.Item>
            <Form.Item name="dueOn" label={t('tto.panelDue')}>
              <DatePicker />
            </Form.Item>
            <Button htmlType="submit" loading={act.isPending} data-testid="open-panel">
              {t('tto.openPanel')}
            </Button>
          </Form>
        </Card>
      )}

      {d.actions.includes('decide') && (
        <Card title={t('tto.decide')} size="small">
          <Form
            form={decideForm}
            layout="vertical"
            onFinish={(v: {
              decision: Decision;
              reason: string;
              patentNumber?: string;
              patentFiledOn?: Dayjs;
              empowerment?: Record<string, unknown>;
            }) =>
              run(
                {
                  kind: 'decide',
                  body: {
                    decision: v.decision,
                    reason: v.reason,
                    patent: v.decision === 'file_patent' ? { kind: 'invention_patent', number: v.patentNumber, title: d.title } : undefined,
                    patentFiledOn: v.patentFiledOn?.format('YYYY-MM-DD'),
                    empowerment: v.decision === 'empower' ? (v.empowerment as never) : undefined,
                  },
                },
                decideForm,
              )
            }
          >
            <Form.Item name="decision" label={t('tto.decision')} rules={[{ required: true }]}>
              <Select options={DECISIONS.map((k) => ({ value: k, label: DECISION_LABELS[k] }))} data-testid="decision-select" />
            </Form.Item>
            <Form.Item name="reason" label={t('tto.reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} data-testid="decision-reason" />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() =>
                decideForm.getFieldValue('decision') === 'file_patent' ? (
                  <Space wrap>
                    <Form.Item name="patentNumber" label={t('tto.patentNumber')} rules={[{ required: true }]}>
                      <Input placeholder="202610123456.X" />
                    </Form.Item>
                    <Form.Item name="patentFiledOn" label={t('tto.patentFiledOn')} rules={[{ required: true }]}>
                      <DatePicker />
                    </Form.Item>
                  </Space>
                ) : decideForm.getFieldValue('decision') === 'empower' ? (
                  <Space wrap align="start">
                    <Form.Item name={['empowerment', 'form']} label={t('tto.empowerForm')} rules={[{ required: true }]}>
                      <Select style={{ width: 220 }} options={EMPOWER_FORMS.map((k) => ({ value: k, label: EMPOWER_FORM_LABELS[k] }))} />
                    </Form.Item>
                    <Form.Item name={['empowerment', 'inventorsOwnershipPct']} label={t('tto.inventorsShare')}>
                      <InputNumber min={0} max={100} addonAfter="%" />
                    </Form.Item>
                    <Form.Item name={['empowerment', 'useRightYears']} label={t('tto.useRightYears')}>
                      <InputNumber min={10} max={50} />
                    </Form.Item>
                    <Form.Item name={['empowerment', 'organizationIncomePct']} label={t('tto.orgIncome')} rules={[{ required: true }]}>
                      <InputNumber min={0} max={100} addonAfter="%" />
                    </Form.Item>
                    <Form.Item name={['empowerment', 'decisionRights']} label={t('tto.decisionRights')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={['empowerment', 'costSharing']} label={t('tto.costSharing')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={['empowerment', 'maintenanceFeesPaidBy']} label={t('tto.feesPaidBy')} rules={[{ required: true }]}>
                      <Select style={{ width: 140 }} options={FEE_PAYERS.map((k) => ({ value: k, label: FEE_PAYER_LABELS[k] }))} />
                    </Form.Item>
                  </Space>
                ) : null
              }
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={act.isPending} data-testid="decide">
              {t('tto.decide')}
            </Button>
          </Form>
        </Card>
      )}

      {d.actions.includes('return') && (
        <Card title={t('tto.return')} size="small">
          <Form
            form={returnForm}
            layout="inline"
            onFinish={(v) => run({ kind: 'transition', action: 'return', reason: v.reason }, returnForm)}
          >
            <Form.Item name="reason" rules={[{ required: true }]} style={{ minWidth: 360 }}>
              <Input placeholder={t('tto.returnReason')} />
            </Form.Item>
            <Button htmlType="submit">{DISCLOSURE_TRANSITION_LABELS.return}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
