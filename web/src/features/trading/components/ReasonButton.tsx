import { useState, type ReactNode } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';

interface Props {
  label: ReactNode;
  title: string;
  /** The reason's field name in the request (so a server error lands beside it). */
  field?: string;
  fieldLabel?: string;
  minLength?: number;
  /** Rejects when the server refused; the text stays for another try. */
  onSubmit: (text: string) => Promise<unknown>;
  pending?: boolean;
  danger?: boolean;
  type?: 'primary' | 'default' | 'link';
  size?: 'small' | 'middle';
  testId: string;
  okText?: string;
}

/** A button that asks for a text (a reason, an answer) before it acts. */
export function ReasonButton({
  label,
  title,
  field = 'reason',
  fieldLabel,
  minLength = 2,
  onSubmit,
  pending,
  danger,
  type,
  size,
  testId,
  okText,
}: Props) {
  const t = useT();
  const onProblem = useProblemHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <>
      <Button danger={danger} type={type} size={size} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={okText ?? t('trading.submit')}
        okButtonProps={{ danger, loading: pending, 'data-testid': `${testId}-ok` }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={async (values) => {
            try {
              await onSubmit((values[field] ?? '').trim());
              setOpen(false);
            } catch (e) {
              onProblem(e, form);
            }
          }}
        >
          <Form.Item
            name={field}
            label={fieldLabel ?? t('trading.reason')}
            rules={[
              { required: true, whitespace: true, message: t('trading.textRequired') },
              { min: minLength, message: t('trading.atLeast', { n: minLength }) },
            ]}
          >
            <Input.TextArea rows={4} maxLength={3000} showCount autoFocus data-testid={`${testId}-input`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
