import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { storedLocale, useLocale, useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { useLogin, type LoginInput } from '../api/login';

export function LoginPage() {
  const t = useT();
  const { setLocale } = useLocale();
  const [form] = Form.useForm<LoginInput>();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const onProblem = useProblemHandler();
  const from = (location.state as { from?: string } | null)?.from ?? '/workspace';

  if (me.data && !login.isPending) return <Navigate to={from} replace />;

  const onFinish = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (result) => {
        // A first visit on this device follows the language saved with the account.
        if (!storedLocale() && (result.user.locale === 'en' || result.user.locale === 'zh-CN')) setLocale(result.user.locale);
        navigate(from, { replace: true });
      },
      onError: (error) => onProblem(error, form),
    });

  return (
    <Card title={t('login.title')} style={{ width: 400, maxWidth: '100%' }}>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[
            { required: true, message: t('common.required') },
            { type: 'email', message: t('login.emailInvalid') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" data-testid="login-email" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
