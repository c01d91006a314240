import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { formatYuan, YuanInput } from './money';

interface Props {
  label: string;
  title: string;
  /** What is expected; prefilled. Omit for a refund (a reference only). */
  expectedFen?: number;
  onSubmit: (body: { reference: string; amountFen?: number }) => Promise<unknown>;
  pending?: boolean;
  testId: string;
  size?: 'small' | 'middle';
}

/**
 * Staff record money received (a deposit, a payment) or paid back (a refund): the bank or channel
 * reference and, for money received, the amount. The platform records, it does not move money.
 */
export function PaymentButton({ label, title, expectedFen, onSubmit, pending, testId, size = 'small' }: Props) {
  const t = useT();
  const onProblem = useProblemHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reference: string; amountFen?: number }>();
  return (
    <>
      <Button type="primary" size={size} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okButtonProps={{ loading: pending, 'data-testid': `${testId}-ok` }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {expectedFen != null && (
          <Typography.Paragraph type="secondary">
            {t('trading.expectedAmount')} {formatYuan(expectedFen)}
          </Typography.Paragraph>
        )}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ amountFen: expectedFen }}
          onFinish={async (values) => {
            try {
              await onSubmit({ reference: values.reference.trim(), ...(expectedFen != null ? { amountFen: values.amountFen } : {}) });
              setOpen(false);
            } catch (e) {
              onProblem(e, form);
            }
          }}
        >
          <Form.Item
            name="reference"
            label={t('trading.paymentReference')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('trading.referenceRequired') }]}
          >
            <Input maxLength={100} autoFocus data-testid={`${testId}-reference`} />
          </Form.Item>
          {expectedFen != null && (
            <Form.Item name="amountFen" label={t('trading.amountReceived')} rules={[{ required: true, message: t('common.required') }]}>
              <YuanInput testId={`${testId}-amount`} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
