import { useState } from 'react';
import { Button, Form, Input, Modal, Radio } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale';

export type Notify = 'none' | 'instant' | 'daily';

/** Names the current search and how to be told about new matches; `onSave` does the saving. */
export function SaveSearchButton({
  defaultName,
  onSave,
  pending,
  label,
  testId = 'save-search',
}: {
  defaultName: string;
  onSave: (v: { name: string; notify: Notify }) => Promise<unknown>;
  pending?: boolean;
  /** The button's and the dialog's title (default: save the search). */
  label?: string;
  testId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; notify: Notify }>();
  return (
    <>
      <Button icon={<StarOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {label ?? t('saved.save')}
      </Button>
      <Modal
        open={open}
        title={label ?? t('saved.saveTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending, 'data-testid': `${testId}-ok` }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: defaultName, notify: 'instant' }}
          onFinish={async (values) => {
            try {
              await onSave({ name: values.name.trim(), notify: values.notify });
              setOpen(false);
            } catch {
              // reported by the caller
            }
          }}
        >
          <Form.Item name="name" label={t('saved.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} data-testid="save-search-name" />
          </Form.Item>
          <Form.Item name="notify" label={t('saved.notify')}>
            <Radio.Group
              options={[
                { value: 'instant', label: t('saved.notify.instant') },
                { value: 'daily', label: t('saved.notify.daily') },
                { value: 'none', label: t('saved.notify.none') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
