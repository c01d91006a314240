import { App, Button, Card, Form, Input } from 'antd';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useChangePassword, type ChangePasswordInput } from '../api/change-password';

type ChangePasswordForm = ChangePasswordInput & { confirm: string };

export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const changePassword = useChangePassword();
  const onProblem = useProblemHandler();
  const required = { required: true, message: t('common.required') };

  const onFinish = ({ confirm: _confirm, ...body }: ChangePasswordForm) =>
    changePassword.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        message.success(t('password.changed'));
      },
      onError: (error) => onProblem(error, form),
    });

  return (
    <Card title={t('password.title')} style={{ maxWidth: 480 }}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('register.passwordHelp')}
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && (value.length < 10 || !/[A-Za-z]/.test(value) || !/[0-9]/.test(value)))
                  throw new Error(t('register.passwordWeak'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('register.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
