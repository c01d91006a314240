import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MessageOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { INQUIRY_MODES, INQUIRY_MODE_LABELS, type CreateInquiryBody, type InquiryView } from '../../../../common/api/inquiries';
import { useT } from '../../i18n/locale';
import { api, isApiProblem } from '../../lib/api';
import { hasPermission, useMe } from '../../lib/auth';
import { wanToFen } from '../../lib/money';

function createInquiry(body: z.input<typeof CreateInquiryBody>): Promise<InquiryView> {
  return api.post('/api/inquiries', body);
}

interface FormValues {
  message: string;
  wantedMode?: (typeof INQUIRY_MODES)[number];
  budgetWan?: number | null;
  attachments?: Array<{ name: string; url: string }>;
}

/**
 * 我要洽谈 on a published record: for a logged-in member of another organisation, a form that opens a
 * negotiation with the owner; a visitor is asked to log in. Hidden for the owner and for accounts
 * that do not speak for an organisation.
 */
export function InquiryButton({
  recordKind,
  recordId,
  ownerOrganizationId,
}: {
  recordKind: 'achievement' | 'demand';
  recordId: string;
  ownerOrganizationId: string;
}) {
  const t = useT();
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const create = useMutation({ mutationFn: createInquiry, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inquiries'] }) });

  if (!me) {
    return (
      <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} data-testid="inquiry-login">
        <Button icon={<MessageOutlined />} block>
          {t('inquiry.loginToOpen')}
        </Button>
      </Link>
    );
  }
  const isOwner = me.memberships.some((m) => m.organizationId === ownerOrganizationId);
  if (isOwner || !hasPermission(me, 'trade:participate')) return null;

  const submit = async (values: FormValues) => {
    try {
      const view = await create.mutateAsync({
        recordKind,
        recordId,
        message: values.message,
        wantedMode: values.wantedMode,
        budgetFen: wanToFen(values.budgetWan) ?? undefined,
        attachments: (values.attachments ?? []).filter((a) => a?.url),
      });
      setOpen(false);
      form.resetFields();
      message.success(t('inquiry.sent'));
      navigate(`/workspace/inquiries/${view.id}`);
    } catch (error) {
      if (isApiProblem(error) && error.status === 409) {
        message.error(error.message);
        return;
      }
      throw error;
    }
  };

  return (
    <>
      <Button type="primary" icon={<MessageOutlined />} block onClick={() => setOpen(true)} data-testid="inquiry-open">
        {t('inquiry.open')}
      </Button>
      <Modal
        open={open}
        title={t('inquiry.formTitle')}
        okText={t('inquiry.submit')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'inquiry-submit' } as Record<string, string>}
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="message"
            label={t('inquiry.message')}
            rules={[{ required: true, min: 2, message: t('inquiry.messagePlaceholder') }]}
          >
            <Input.TextArea
              rows={5}
              maxLength={5000}
              showCount
              placeholder={t('inquiry.messagePlaceholder')}
              data-testid="inquiry-message"
            />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="wantedMode" label={t('inquiry.wantedMode')}>
              <Select allowClear style={{ width: 180 }} options={INQUIRY_MODES.map((m) => ({ value: m, label: INQUIRY_MODE_LABELS[m] }))} />
            </Form.Item>
            <Form.Item name="budgetWan" label={t('inquiry.budget')}>
              <InputNumber min={0} precision={2} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <Form.List name="attachments">
            {(fields, { add, remove }) => (
              <Form.Item label={t('inquiry.attachments')}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('inquiry.attachmentName') }]}>
                      <Input placeholder={t('inquiry.attachmentName')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'url']}
                      rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: t('inquiry.attachmentUrl') }]}
                    >
                      <Input placeholder={t('inquiry.attachmentUrl')} style={{ width: 240 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                    {t('inquiry.addAttachment')}
                  </Button>
                )}
              </Form.Item>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
