import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { IntegrityRecordView } from '../../../../../common/api/integrity';
import {
  INTEGRITY_STATUS_LABELS,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  PENALTY_KIND_LABELS,
  PENALTY_KINDS,
  type IntegrityTransition,
} from '../../../../../common/integrity';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { hasPermission, useMe } from '../../../lib/auth';
import { useCreateIntegrityRecord } from '../api/create-integrity-record';
import { useIntegrityRecords } from '../api/list-integrity-records';
import { useTransitionIntegrityRecord } from '../api/transition-integrity-record';

interface NewRecordForm {
  partyKind: 'organization' | 'person';
  organizationId?: string;
  personName?: string;
  misconduct: string;
  penaltyKind: (typeof PENALTY_KINDS)[number];
  penaltyDetail?: string;
  decidingBody: string;
  legalBasis: (typeof LEGAL_BASES)[number];
  legalBasisDetail?: string;
  effectiveOn: { format(f: string): string };
  periodMonths: number;
}

/** /workspace/integrity — integrity records: officers enter them and decide appeals; an organisation sees its own and appeals. */
export function IntegrityRecordsPage() {
  const t = useT();
  const me = useMe().data;
  const [inForce, setInForce] = useState<'all' | 'true' | 'false'>('all');
  const list = useIntegrityRecords(inForce === 'all' ? undefined : inForce);
  const create = useCreateIntegrityRecord();
  const act = useTransitionIntegrityRecord();
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ id: string; action: IntegrityTransition } | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<NewRecordForm>();
  const fail = (e: unknown) => {
    if (isApiProblem(e)) {
      form.setFields((e.problem.errors ?? []).map((x) => ({ name: x.field.replace(/^body\./, '') as never, errors: [x.message] })));
      message.error(e.message);
    } else message.error(String(e));
  };
  const submitNew = async () => {
    const v = await form.validateFields();
    create.mutate(
      { ...v, effectiveOn: v.effectiveOn.format('YYYY-MM-DD'), organizationId: v.organizationId || null, personName: v.personName || null },
      { onSuccess: () => (setCreating(false), form.resetFields()), onError: fail },
    );
  };
  return (
    <Card
      title={t('integrity.title')}
      extra={
        <Space>
          <Segmented
            value={inForce}
            onChange={(v) => setInForce(v as typeof inForce)}
            options={[
              { value: 'all', label: t('integrity.filter.all') },
              { value: 'true', label: t('integrity.filter.inForce') },
              { value: 'false', label: t('integrity.filter.ended') },
            ]}
          />
          {hasPermission(me, 'integrity:record') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-integrity-record">
              {t('integrity.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('integrity.intro')}</Typography.Paragraph>
      <Table<IntegrityRecordView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('integrity.none') }}
        scroll={{ x: 900 }}
        data-testid="integrity-list"
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical">
              <span>
                {t('integrity.misconduct')}：{r.misconduct}
              </span>
              <span>
                {t('integrity.legalBasis')}：{LEGAL_BASIS_LABELS[r.legalBasis]} {r.legalBasisDetail}
              </span>
              {r.penaltyDetail && <span>{r.penaltyDetail}</span>}
              {r.appealReason && (
                <span>
                  {t('integrity.appealReason')}：{r.appealReason}
                </span>
              )}
              {r.decisionReason && (
                <span>
                  {t('integrity.decisionReason')}：{r.decisionReason}
                </span>
              )}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('integrity.party'),
            key: 'party',
            render: (_, r) => (r.personName ? `${r.personName}（${r.organization?.name ?? ''}）` : r.organization?.name),
          },
          {
            title: t('integrity.penalty'),
            dataIndex: 'penaltyKind',
            render: (k: IntegrityRecordView['penaltyKind']) => PENALTY_KIND_LABELS[k],
          },
          { title: t('integrity.decidingBody'), dataIndex: 'decidingBody' },
          { title: t('integrity.period'), key: 'period', render: (_, r) => `${r.effectiveOn} – ${r.endsOn}` },
          {
            title: t('integrity.state'),
            key: 'state',
            render: (_, r) => (
              <Space>
                <Tag>{INTEGRITY_STATUS_LABELS[r.status]}</Tag>
                {r.inForce ? <Tag color="red">{t('integrity.flag')}</Tag> : <Tag>{t('integrity.notInForce')}</Tag>}
                {r.source === 'annual_report' && <Tag color="purple">{t('integrity.automatic')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, r) => (
              <Space>
                {r.actions.map((a) => (
                  <Button key={a} size="small" danger={a === 'dismiss_appeal'} onClick={() => setPending({ id: r.id, action: a })}>
                    {t(`integrity.action.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={pending !== null}
        title={pending ? t(`integrity.action.${pending.action}`) : ''}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setPending(null)}
        onOk={() =>
          pending &&
          act.mutate(
            { ...pending, reason },
            { onSuccess: () => (setPending(null), setReason('')), onError: (e) => message.error(isApiProblem(e) ? e.message : String(e)) },
          )
        }
      >
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('integrity.reason')} />
      </Modal>
      <Modal
        open={creating}
        title={t('integrity.new')}
        width={720}
        onCancel={() => setCreating(false)}
        onOk={submitNew}
        confirmLoading={create.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ partyKind: 'organization', penaltyKind: 'criticism', legalBasis: 'most_order_19', periodMonths: 12 }}
        >
          <Form.Item name="partyKind" label={t('integrity.partyKind')}>
            <Segmented
              options={[
                { value: 'organization', label: t('integrity.partyKind.organization') },
                { value: 'person', label: t('integrity.partyKind.person') },
              ]}
            />
          </Form.Item>
          <Form.Item name="organizationId" label={t('integrity.organizationId')}>
            <Input placeholder="00000000-0000-0000-0000-000000000000" />
          </Form.Item>
          <Form.Item name="personName" label={t('integrity.personName')}>
            <Input />
          </Form.Item>
          <Form.Item name="misconduct" label={t('integrity.misconduct')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="penaltyKind" label={t('integrity.penalty')}>
            <Select options={PENALTY_KINDS.map((k) => ({ value: k, label: PENALTY_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="penaltyDetail" label={t('integrity.penaltyDetail')}>
            <Input />
          </Form.Item>
          <Form.Item name="decidingBody" label={t('integrity.decidingBody')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('integrity.legalBasis')}>
            <Select options={LEGAL_BASES.map((k) => ({ value: k, label: LEGAL_BASIS_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="legalBasisDetail" label={t('integrity.legalBasisDetail')}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="effectiveOn" label={t('integrity.effectiveOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="periodMonths" label={t('integrity.periodMonths')}>
              <InputNumber min={1} max={120} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
