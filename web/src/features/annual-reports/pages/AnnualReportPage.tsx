import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { AnnualReportView, SourceRecord } from '../../../../../common/api/reports';
import { IP_KIND_LABELS, type IpKind } from '../../../../../common/catalog';
import {
  CO_BUILT_KIND_LABELS,
  CO_BUILT_KINDS,
  largeDealWan,
  REPORT_COOPERATION_TYPE_LABELS,
  REPORT_COOPERATION_TYPES,
  REPORT_TRANSFER_MODE_LABELS,
  REPORT_TRANSFER_MODES,
} from '../../../../../common/reports';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { fenToWan, formatWan, wanToFen } from '../../../lib/money';
import { useAnnualReport } from '../api/get-annual-report';
import { useSaveAnnualReport } from '../api/save-annual-report';
import { useTransitionAnnualReport } from '../api/transition-annual-report';
import { ReportStatusTag } from '../components/ReportStatusTag';

const CATEGORY: Record<string, string> = { ...REPORT_TRANSFER_MODE_LABELS, ...REPORT_COOPERATION_TYPE_LABELS };

/** The form's shape: the content with the block-5 amounts in 万元. */
function toForm(r: AnnualReportView) {
  const d = r.content.distribution;
  return { ...r.content, distribution: { ...d, cashRewardWan: fenToWan(d.cashRewardFen), equityRewardWan: fenToWan(d.equityRewardFen) } };
}
type FormValues = ReturnType<typeof toForm>;
function fromForm(v: FormValues) {
  const { cashRewardWan, equityRewardWan, ...d } = v.distribution;
  return {
    ...v,
    distribution: { ...d, cashRewardFen: wanToFen(cashRewardWan) ?? 0, equityRewardFen: wanToFen(equityRewardWan) ?? 0 },
    policy: { ...v.policy, extraProjects: (v.policy.extraProjects ?? []).map((p) => ({ ...p, amountFen: p.amountFen ?? 0 })) },
  };
}

function RecordsTable({ records }: { records: SourceRecord[] }) {
  const t = useT();
  return (
    <Table<SourceRecord>
      size="small"
      rowKey="id"
      dataSource={records}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('report.noRecords') }}
      columns={[
        { title: t('report.project'), dataIndex: 'title' },
        { title: t('report.mode'), dataIndex: 'category', render: (c: string) => CATEGORY[c] ?? c },
        { title: t('report.counterparty'), dataIndex: 'counterparty' },
        { title: t('report.amount'), dataIndex: 'amountFen', render: (v: number) => formatWan(v) },
        {
          title: t('report.source'),
          dataIndex: 'kind',
          render: (k: string) => t(`report.sourceKind.${k === 'deal' ? 'deal' : 'contract'}`),
        },
        { title: t('report.registrationNumber'), dataIndex: 'registrationNumber', render: (v: string | null) => v ?? '—' },
        {
          title: t('report.check'),
          key: 'issue',
          render: (_, r) =>
            r.issue === 'not_registered' ? (
              <Tag color="orange">{t('report.issue.notRegistered')}</Tag>
            ) : r.issue === 'amount_differs' ? (
              <Tag color="red">{t('report.issue.differs', { diff: formatWan(r.differenceFen) })}</Tag>
            ) : (
              <Tag color="green">{t('report.issue.ok')}</Tag>
            ),
        },
      ]}
    />
  );
}

/** /workspace/annual-reports/:id — the six blocks (prefilled where the platform knows), the reconciliation, and review. */
export function AnnualReportPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const report = useAnnualReport(id);
  const save = useSaveAnnualReport();
  const act = useTransitionAnnualReport();
  const [form] = Form.useForm<FormValues>();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const r = report.data;
  useEffect(() => {
    if (r) form.setFieldsValue(toForm(r));
  }, [r, form]);
  if (report.isPending) return <Card loading />;
  if (!r) return <Alert type="error" message={t('report.notFound')} />;

  const editable = r.actions.includes('edit');
  const fail = (e: unknown) => {
    if (isApiProblem(e)) {
      const errs = e.problem.errors ?? [];
      form.setFields(
        errs
          .filter((x) => x.field.startsWith('content.'))
          .map((x) => ({ name: x.field.replace(/^content\./, '').split('.') as never, errors: [x.message] })),
      );
      message.error(e.message);
    } else message.error(String(e));
  };
  const onSave = async () =>
    save.mutateAsync({ id, content: fromForm(form.getFieldsValue(true)) }).then(() => message.success(t('report.saved')), fail);
  const onSubmit = async () => {
    try {
      await save.mutateAsync({ id, content: fromForm(form.getFieldsValue(true)) });
      await act.mutateAsync({ id, action: 'submit' });
      message.success(t('report.submittedOk'));
    } catch (e) {
      fail(e);
    }
  };
  const f = r.figures;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="annual-report">
      <Card
        title={t('report.title', { name: r.organization.name, year: r.year })}
        extra={
          <Space wrap>
            <ReportStatusTag status={r.status} overdue={r.overdue} />
            {r.integrityFlag && <Tag color="red">{t('integrity.flag')}</Tag>}
            {editable && (
              <Button onClick={onSave} loading={save.isPending}>
                {t('report.save')}
              </Button>
            )}
            {r.actions.includes('submit') && (
              <Button type="primary" onClick={onSubmit} loading={act.isPending} data-testid="submit-report">
                {t('report.submit')}
              </Button>
            )}
            {r.actions.includes('accept') && (
              <Button type="primary" onClick={() => act.mutate({ id, action: 'accept' }, { onError: fail })} data-testid="accept-report">
                {t('report.accept')}
              </Button>
            )}
            {r.actions.includes('return') && (
              <Button danger onClick={() => setReturning(true)} data-testid="return-report">
                {t('report.return')}
              </Button>
            )}
            <a href={`/api/annual-reports/${r.id}/export.xlsx`} download>
              {t('report.export')}
            </a>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('report.dueAt')}>{formatDateTime(r.dueAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('report.windowOpensAt')}>{formatDateTime(r.windowOpensAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('report.submittedAt')}>
            {r.submittedAt ? formatDateTime(r.submittedAt, locale) : '—'}
          </Descriptions.Item>
        </Descriptions>
        {r.returnReason && <Alert type="warning" showIcon message={t('report.returnedBecause', { reason: r.returnReason })} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {r.figuresFrozen ? t('report.figuresFrozen') : t('report.figuresLive')}
        </Typography.Paragraph>
      </Card>

      <Form form={form} layout="vertical" disabled={!editable}>
        <Card title={t('report.block1')}>
          <Form.Item name={['work', 'summary']} label={t('report.work.summary')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name={['work', 'problems']} label={t('report.work.problems')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Card>
        <Card title={t('report.block2')} style={{ marginTop: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('report.achievements.total')}>{f.achievements.total}</Descriptions.Item>
            <Descriptions.Item label={t('report.achievements.public')}>{f.achievements.publiclyFunded}</Descriptions.Item>
            {Object.entries(f.achievements.byIpKind).map(([k, n]) => (
              <Descriptions.Item key={k} label={IP_KIND_LABELS[k as IpKind]?.zh ?? k}>
                {n}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Form.Item name={['achievements', 'sourceNote']} label={t('report.achievements.sourceNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card title={t('report.block3')} style={{ marginTop: 16 }}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
            {REPORT_TRANSFER_MODES.map((m) => (
              <Descriptions.Item key={m} label={REPORT_TRANSFER_MODE_LABELS[m]}>
                {t('report.tally', { count: f.transfers.byMode[m].count, amount: formatWan(f.transfers.byMode[m].amountFen) })}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('report.total')}>
              {t('report.tally', { count: f.transfers.total.count, amount: formatWan(f.transfers.total.amountFen) })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('report.largeDeals', { wan: largeDealWan(), yuan: (largeDealWan() * 10_000).toLocaleString('en') })}
          </Typography.Title>
          <RecordsTable records={f.transfers.largeDeals} />
          <Form.Item name={['transfers', 'note']} label={t('report.note')} style={{ marginTop: 16 }}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card title={t('report.block4')} style={{ marginTop: 16 }}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            {REPORT_COOPERATION_TYPES.map((c) => (
              <Descriptions.Item key={c} label={REPORT_COOPERATION_TYPE_LABELS[c]}>
                {t('report.tally', { count: f.cooperation.byType[c].count, amount: formatWan(f.cooperation.byType[c].amountFen) })}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('report.coBuilt')}
          </Typography.Title>
          <Form.List name={['cooperation', 'coBuiltBodies']}>
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Space key={item.key} wrap align="start">
                    <Form.Item name={[item.name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={t('report.coBuilt.name')} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'partner']} rules={[{ required: true }]}>
                      <Input placeholder={t('report.coBuilt.partner')} style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'kind']} initialValue="lab">
                      <Select style={{ width: 160 }} options={CO_BUILT_KINDS.map((k) => ({ value: k, label: CO_BUILT_KIND_LABELS[k] }))} />
                    </Form.Item>
                    <Button onClick={() => remove(item.name)}>{t('report.remove')}</Button>
                  </Space>
                ))}
                {editable && <Button onClick={() => add({ kind: 'lab', establishedOn: null })}>{t('report.coBuilt.add')}</Button>}
              </>
            )}
          </Form.List>
          <Form.Item name={['cooperation', 'note']} label={t('report.note')} style={{ marginTop: 16 }}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card title={t('report.block5')} style={{ marginTop: 16 }}>
          {f.distribution && (
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} data-testid="platform-distribution">
              <Descriptions.Item label={t('report.distribution.platformCash')}>{formatWan(f.distribution.cashFen)}</Descriptions.Item>
              <Descriptions.Item label={t('report.distribution.platformEquity')}>{formatWan(f.distribution.equityFen)}</Descriptions.Item>
              <Descriptions.Item label={t('report.distribution.platformPersons')}>{f.distribution.persons}</Descriptions.Item>
            </Descriptions>
          )}
          <Alert
            type="info"
            showIcon
            message={f.distribution ? t('report.distribution.prefilled') : t('report.distribution.manual')}
            style={{ marginBottom: 16 }}
          />
          <Space wrap>
            <Form.Item name={['distribution', 'cashRewardWan']} label={t('report.distribution.cash')}>
              <InputNumber min={0} precision={6} addonAfter="万元" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['distribution', 'cashPersons']} label={t('report.distribution.cashPersons')}>
              <InputNumber min={0} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={['distribution', 'equityRewardWan']} label={t('report.distribution.equity')}>
              <InputNumber min={0} precision={6} addonAfter="万元" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['distribution', 'equityPersons']} label={t('report.distribution.equityPersons')}>
              <InputNumber min={0} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item name={['distribution', 'note']} label={t('report.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card title={t('report.block6')} style={{ marginTop: 16 }}>
          <Form.Item name={['policy', 'implementation']} label={t('report.policy.implementation')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Typography.Title level={5}>{t('report.projectList')}</Typography.Title>
          <RecordsTable records={[...f.transfers.records, ...f.cooperation.records]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('report.extraProjects')}
          </Typography.Title>
          <Form.List name={['policy', 'extraProjects']}>
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline" wrap>
                    <Form.Item name={[row.name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={t('report.project')} style={{ width: 260 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'partner']}>
                      <Input placeholder={t('report.coBuilt.partner')} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'mode']}>
                      <Input placeholder={t('report.mode')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'amountFen']}
                      normalize={(yuan: number | null) => Math.round((yuan ?? 0) * 100)}
                      getValueProps={(fen: number | null | undefined) => ({ value: fen == null ? fen : fen / 100 })}
                    >
                      <InputNumber min={0} placeholder={t('report.extra.amount')} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'registrationNumber']}>
                      <Input placeholder={t('report.extra.registrationNumber')} style={{ width: 180 }} />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(row.name)}>
                      {t('report.remove')}
                    </Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ name: '', partner: '', mode: '', amountFen: 0, registrationNumber: '' })}>
                  {t('report.extra.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>

      <Card title={t('report.reconciliation')} data-testid="reconciliation">
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('report.rec.deals')}>{formatWan(f.reconciliation.dealsTotalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('report.rec.registered')}>{formatWan(f.reconciliation.registeredTotalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('report.rec.difference')}>{formatWan(f.reconciliation.differenceFen)}</Descriptions.Item>
          <Descriptions.Item label={t('report.rec.unregistered')}>{f.reconciliation.unregisteredDeals}</Descriptions.Item>
          <Descriptions.Item label={t('report.rec.differing')}>{f.reconciliation.differingDeals}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('report.rec.explain')}
        </Typography.Paragraph>
      </Card>

      <Modal
        open={returning}
        title={t('report.return')}
        okButtonProps={{ disabled: reason.trim().length < 2, danger: true }}
        onCancel={() => setReturning(false)}
        onOk={() => act.mutate({ id, action: 'return', reason }, { onSuccess: () => (setReturning(false), setReason('')), onError: fail })}
      >
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('report.returnReason')} />
      </Modal>
    </Space>
  );
}
