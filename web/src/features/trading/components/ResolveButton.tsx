import { useState } from 'react';
import { Button, Form, Input, Modal, Radio } from 'antd';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useResolveObjection } from '../api/resolve-objection';

/** An official's resolution of an objection: upheld (the notice is void) or dismissed, with the reason. */
export function ResolveButton({ objectionId, testId }: { objectionId: string; testId: string }) {
  const t = useT();
  const onProblem = useProblemHandler();
  const resolve = useResolveObjection();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ decision: 'upheld' | 'dismissed'; reason: string }>();
  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid={testId}>
        {t('trading.resolve')}
      </Button>
      <Modal
        open={open}
        title={t('trading.resolveTitle')}
        okButtonProps={{ loading: resolve.isPending, 'data-testid': `${testId}-ok` }}
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
              await resolve.mutateAsync({ id: objectionId, body: { decision: values.decision, reason: values.reason.trim() } });
              setOpen(false);
            } catch (e) {
              onProblem(e, form);
            }
          }}
        >
          <Form.Item name="decision" label={t('trading.decision')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group>
              <Radio value="dismissed" data-testid={`${testId}-dismiss`}>
                {t('trading.dismiss')}
              </Radio>
              <Radio value="upheld" data-testid={`${testId}-uphold`}>
                {t('trading.uphold')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('trading.resolutionReason')}
            rules={[
              { required: true, whitespace: true, message: t('trading.textRequired') },
              { min: 2, message: t('trading.atLeast', { n: 2 }) },
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
