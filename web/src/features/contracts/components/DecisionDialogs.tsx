import { Button, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../../../common/api/contracts';
import { REFUSAL_REASONS, REFUSAL_REASON_LABELS } from '../../../../../common/contracts';
import { useLabel, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
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

/** The expert panel's opinion, required before certifying at or above the threshold. */
export function ExpertReviewDialog({ contract, open, onClose }: DialogProps) {
  const t = useT();
  const [form] = Form.useForm<ExpertReview>();
  const record = useRecordExpertReview();
  const onProblem = useProblemHandler();
  const existing = contract.review.expertReview;
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
      okButtonProps={{ loading: record.isPending }}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          existing
            ? { experts: existing.experts, opinion: existing.opinion, conclusion: existing.conclusion }
            : { experts: [{ name: '' }], conclusion: 'supports' }
        }
      >
        <Form.List name="experts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8}>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'name']} rules={[required]}>
                      <Input placeholder={t('contract.expert.name')} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'title']}>
                      <Input placeholder={t('contract.expert.titleField')} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item name={[f.name, 'organization']}>
                      <Input placeholder={t('contract.expert.organization')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      disabled={fields.length === 1}
                      aria-label={t('common.remove')}
                    />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ marginBottom: 16 }}>
                {t('contract.expert.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="opinion"
          label={t('contract.expert.opinion')}
          rules={[required, { min: 10, message: t('contract.min', { n: 10 }) }]}
        >
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
        <Form.Item name="conclusion" label={t('contract.expert.conclusion')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['supports', 'supports_with_adjustment', 'does_not_support'] as const).map((c) => ({
              value: c,
              label: t(`contract.expert.${c}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
