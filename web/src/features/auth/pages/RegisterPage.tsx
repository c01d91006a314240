import { useState } from 'react';
import { Button, Card, Divider, Form, Input, Result, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { creditCodeProblem } from '../../../../../common/credit-code';
import { ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS } from '../../../../../common/roles';
import { NewPasswordFields } from '../../../components/NewPasswordFields';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useLabel, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useRegister, type RegisterInput, type RegisterResult } from '../api/register';

type RegisterForm = RegisterInput & { passwordConfirm: string };

const REGISTRABLE_TYPES = ORGANIZATION_TYPES.filter((type) => type !== 'government');

export function RegisterPage() {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<RegisterForm>();
  const register = useRegister();
  const onProblem = useProblemHandler();
  const [done, setDone] = useState<RegisterResult | null>(null);

  if (done) {
    return (
      <Card style={{ width: 560, maxWidth: '100%' }}>
        <Result
          status="success"
          title={t('register.successTitle')}
          subTitle={t('register.successText', { name: done.organization.name })}
          extra={
            <Link to="/login">
              <Button type="primary">{t('register.login')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }

  const onFinish = ({ passwordConfirm: _confirm, ...values }: RegisterForm) => {
    const organization = {
      ...values.organization,
      creditCode: values.organization.creditCode.trim().toUpperCase(),
      address: values.organization.address || undefined,
      contactPhone: values.organization.contactPhone || undefined,
    };
    register.mutate({ ...values, organization }, { onSuccess: setDone, onError: (error) => onProblem(error, form) });
  };

  const required = { required: true, message: t('common.required') };

  return (
    <Card title={t('register.title')} style={{ width: 560, maxWidth: '100%' }}>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} autoComplete="off" scrollToFirstError>
        <Divider titlePlacement="start">{t('register.organization')}</Divider>
        <Form.Item name={['organization', 'type']} label={t('register.orgType')} rules={[required]}>
          <Select options={REGISTRABLE_TYPES.map((type) => ({ value: type, label: label(ORGANIZATION_TYPE_LABELS[type]) }))} />
        </Form.Item>
        <Form.Item name={['organization', 'name']} label={t('register.orgName')} rules={[required, { min: 2, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name={['organization', 'creditCode']}
          label={t('register.creditCode')}
          extra={t('register.creditCodeHelp')}
          normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
          validateTrigger="onBlur"
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                const problem = creditCodeProblem(value);
                if (problem) throw new Error(t(`register.creditCode.${problem}`));
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name={['organization', 'regionCode']} label={t('register.region')} rules={[required]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name={['organization', 'address']} label={t('register.address')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name={['organization', 'contactPhone']} label={t('register.phone')} rules={[{ max: 32 }]}>
          <Input maxLength={32} />
        </Form.Item>

        <Divider titlePlacement="start">{t('register.user')}</Divider>
        <Form.Item name={['user', 'name']} label={t('register.userName')} rules={[required, { max: 100 }]}>
          <Input maxLength={100} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['user', 'email']}
          label={t('register.email')}
          rules={[required, { type: 'email', message: t('login.emailInvalid') }]}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <NewPasswordFields
          name={['user', 'password']}
          label={t('register.password')}
          confirmName="passwordConfirm"
          confirmLabel={t('register.passwordConfirm')}
        />
        <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="register-submit">
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
