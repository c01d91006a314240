import { App, Button, Card, Form, Input } from 'antd';
import { NewPasswordFields } from '../../../components/NewPasswordFields';
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
        <NewPasswordFields name="newPassword" label={t('password.new')} confirmName="confirm" confirmLabel={t('password.confirm')} />
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
