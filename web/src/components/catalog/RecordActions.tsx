import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import type { RecordAction } from '../../../../common/api/catalog';
import { useT } from '../../i18n/locale';
import { useProblemHandler } from '../../lib/problems';

export type TransitionAction = Exclude<RecordAction, 'edit'>;

const ORDER: TransitionAction[] = ['submit', 'approve', 'publish', 'return', 'withdraw', 'close'];

interface Props {
  actions: readonly RecordAction[];
  /** Rejects when the transition failed (the caller has reported why). */
  onTransition: (action: TransitionAction, reason?: string) => Promise<unknown>;
  onEdit?: () => void;
  pending?: boolean;
  size?: 'small' | 'middle';
}

/**
 * The lifecycle buttons the server says the caller may press (`actions` of the view), nothing more.
 * Return asks for a reason; withdraw and close ask to confirm.
 */
export function RecordActions({ actions, onTransition, onEdit, pending, size = 'middle' }: Props) {
  const t = useT();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const buttons = ORDER.filter((a) => actions.includes(a)).map((action) => {
    const button = (
      <Button
        key={action}
        size={size}
        type={action === 'submit' || action === 'approve' || action === 'publish' ? 'primary' : 'default'}
        danger={action === 'return' || action === 'withdraw'}
        loading={pending}
        data-testid={`action-${action}`}
        onClick={
          action === 'return'
            ? () => setReasonOpen(true)
            : action === 'withdraw' || action === 'close'
              ? undefined
              : () => void onTransition(action).catch(() => undefined)
        }
      >
        {t(`action.${action}`)}
      </Button>
    );
    if (action === 'withdraw' || action === 'close') {
      return (
        <Popconfirm
          key={action}
          title={t(`action.${action}Confirm`)}
          onConfirm={() => onTransition(action).catch(() => undefined)}
          okButtonProps={{ 'data-testid': 'confirm-ok' }}
        >
          {button}
        </Popconfirm>
      );
    }
    return button;
  });

  return (
    <>
      <Space wrap size={[8, 8]}>
        {actions.includes('edit') && onEdit && (
          <Button size={size} onClick={onEdit} data-testid="action-edit">
            {t('common.edit')}
          </Button>
        )}
        {buttons}
      </Space>
      <Modal
        open={reasonOpen}
        title={t('action.returnTitle')}
        okText={t('action.return')}
        okButtonProps={{ danger: true, loading: pending, 'data-testid': 'reason-submit' }}
        onCancel={() => setReasonOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={async ({ reason }) => {
            try {
              await onTransition('return', reason.trim());
              setReasonOpen(false);
            } catch {
              // The caller reports the problem; the reason stays for another try.
            }
          }}
        >
          <Form.Item
            name="reason"
            label={t('action.reason')}
            rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="reason-input" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface TransitionMutation {
  mutateAsync: (args: { id: string; body: { action: TransitionAction; reason?: string } }) => Promise<unknown>;
}

/** `onTransition` for a record's buttons: runs the transition and reports a failure before passing it on. */
export function useReportedTransition(transition: TransitionMutation) {
  const onProblem = useProblemHandler();
  return (id: string) => (action: TransitionAction, reason?: string) =>
    transition.mutateAsync({ id, body: { action, reason } }).catch((e: unknown) => {
      onProblem(e);
      throw e;
    });
}
