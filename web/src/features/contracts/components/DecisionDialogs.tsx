import { useState } from 'react';
import { Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import type { ContractView } from '../../../../../common/api/contracts';
import { REFUSAL_REASONS, REFUSAL_REASON_LABELS } from '../../../../../common/contracts';
import { useLabel, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useExpertPanel, useOpenExpertPanel, type ExpertPanel } from '../api/expert-panel';
import { useRecordExpertReview, type ExpertReview } from '../api/record-expert-review';
import { useTransitionContract } from '../api/transition-contract';

interface DialogProps {
  contract: ContractView;
  open: boolean;
  onClose: () => void;
}

/** Return for correction, refuse (a reason from the standard list), withdraw or cancel: a note or reason, then the transition. */
export function DecisionDialog({ contract, open, onClose, action }: DialogProps & { action: 'return' | 'refuse' | 'cancel' | 'withdraw' }) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<{ note?: string; reason?: string }>();
  const transition = useTransitionContract();
  const onProblem = useProblemHandler();
  const submit = async () => {
    const v = await form.validateFields();
    const body =
      action === 'return'
        ? { action, note: v.note ?? '' }
        : action === 'refuse'
          ? { action, reason: v.reason as (typeof REFUSAL_REASONS)[number], note: v.note ?? '' }
          : action === 'cancel'
            ? { action, reason: v.reason ?? '' }
            : { action, reason: v.reason?.trim() || undefined };
    transition.mutate({ id: contract.id, body }, { onSuccess: onClose, onError: (e) => onProblem(e, form) });
  };
  const min2 = { min: 2, message: t('contract.min', { n: 2 }) };
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Modal
      open={open}
      title={t(`contract.decision.${action}`)}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`contract.decision.${action}`)}
      okButtonProps={{
        danger: action !== 'return',
        loading: transition.isPending,
        ...({ 'data-testid': `${action}-confirm` } as Record<string, string>),
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {action === 'refuse' && (
          <Form.Item name="reason" label={t('contract.decision.refusalReason')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              options={REFUSAL_REASONS.map((r) => ({ value: r, label: label(REFUSAL_REASON_LABELS[r]) }))}
              data-testid="refusal-reason"
            />
          </Form.Item>
        )}
        {(action === 'return' || action === 'refuse') && (
          <Form.Item
            name="note"
            label={action === 'return' ? t('contract.decision.returnNote') : t('contract.decision.refuseNote')}
            rules={[required, min2]}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="decision-note" />
          </Form.Item>
        )}
        {(action === 'cancel' || action === 'withdraw') && (
          <Form.Item name="reason" label={t('contract.decision.reason')} rules={action === 'cancel' ? [required, min2] : []}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="decision-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The expert review at or above the threshold: the registrar draws a panel from the expert pool
 * (conflicts with the parties excluded), the experts score in their workspace, and the registrar
 * closes the review with an opinion; the conclusion follows from the panel's score.
 */
export function ExpertReviewDialog({ contract, open, onClose }: DialogProps) {
  const t = useT();
  const [form] = Form.useForm<ExpertReview>();
  const panel = useExpertPanel(contract.id, open);
  const draw = useOpenExpertPanel();
  const record = useRecordExpertReview();
  const onProblem = useProblemHandler();
  const [size, setSize] = useState(3);
  const p = panel.data;
  const complete = p?.status === 'complete';
  const submit = async () => {
    const v = await form.validateFields();
    record.mutate({ id: contract.id, body: v }, { onSuccess: onClose, onError: (e) => onProblem(e, form) });
  };
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Modal
      open={open}
      title={t('contract.expertOpinion')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: record.isPending, disabled: !complete }}
      width={760}
      destroyOnHidden
    >
      {p ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('contract.panel.sheet')}>{p.sheet.name}</Descriptions.Item>
            <Descriptions.Item label={t('contract.panel.status')}>
              {complete ? t('contract.panel.complete') : t('contract.panel.scoring')}
            </Descriptions.Item>
            <Descriptions.Item label={t('contract.panel.mean')}>
              {p.mean === null ? '—' : `${p.mean}（${t('contract.panel.passMark', { n: p.passMark })}）`}
            </Descriptions.Item>
            <Descriptions.Item label={t('contract.expert.conclusion')}>
              {p.conclusion ? t(`contract.expert.${p.conclusion}`) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(m) => `${m.name}-${m.status}`}
            pagination={false}
            dataSource={p.members}
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('contract.expert.name'), dataIndex: 'name' },
              { title: t('contract.expert.titleField'), dataIndex: 'title' },
              { title: t('contract.expert.organization'), dataIndex: 'organizationName' },
              {
                title: t('contract.panel.seat'),
                dataIndex: 'status',
                render: (s: ExpertPanel['members'][number]['status']) => t(`contract.panel.seat.${s}`),
              },
              { title: t('contract.panel.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
            ]}
          />
        </>
      ) : (
        <Space style={{ marginBottom: 16 }} wrap>
          <span>{t('contract.panel.none')}</span>
          <InputNumber min={1} max={15} value={size} onChange={(v) => setSize(v ?? 3)} addonBefore={t('contract.panel.size')} />
          <Button
            type="primary"
            loading={draw.isPending}
            onClick={() => draw.mutate({ id: contract.id, body: { size } }, { onError: (e) => onProblem(e) })}
          >
            {t('contract.panel.draw')}
          </Button>
        </Space>
      )}
      <Form form={form} layout="vertical" initialValues={{ opinion: contract.review.expertReview?.opinion ?? '' }}>
        <Form.Item
          name="opinion"
          label={t('contract.expert.opinion')}
          rules={[required, { min: 10, message: t('contract.min', { n: 10 }) }]}
        >
          <Input.TextArea rows={5} maxLength={5000} disabled={!complete} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
