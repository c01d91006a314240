import { useEffect } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import type { OrganizationView } from '../../../../../common/api/organizations';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useReviewOrganization, type ReviewDecision } from '../api/review-organization';

/** Decisions that take something away need a reason the organisation will read. */
const REASON_REQUIRED: ReadonlySet<ReviewDecision> = new Set(['reject', 'suspend']);

interface Props {
  target: { organization: OrganizationView; decision: ReviewDecision } | null;
  onClose: () => void;
}

export function ReviewOrganizationModal({ target, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const review = useReviewOrganization();
  const onProblem = useProblemHandler();

  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);

  const onFinish = ({ reason }: { reason?: string }) => {
    if (!target) return;
    review.mutate(
      { id: target.organization.id, body: { decision: target.decision, reason: reason?.trim() || undefined } },
      {
        onSuccess: () => {
          message.success(t('adminOrgs.reviewed'));
          onClose();
        },
        onError: (error) => onProblem(error, form),
      },
    );
  };

  const decisionLabel = target ? t(`adminOrgs.${target.decision}`) : '';

  return (
    <Modal
      title={target ? t('adminOrgs.reviewTitle', { decision: decisionLabel, name: target.organization.name }) : ''}
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={decisionLabel}
      okButtonProps={{ danger: target ? REASON_REQUIRED.has(target.decision) : false }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      forceRender
    >
      {target && (
        <Typography.Paragraph type="secondary">
          {target.organization.creditCode} · {target.organization.regionName}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('adminOrgs.reason')}
          rules={[
            { required: target ? REASON_REQUIRED.has(target.decision) : false, whitespace: true, message: t('adminOrgs.reasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
