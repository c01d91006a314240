import { Form, Input, type FormItemProps } from 'antd';
import { useT } from '../i18n/locale';

type NamePath = NonNullable<FormItemProps['name']>;

interface Props {
  /** Where the new password goes in the form, and its label. */
  name: NamePath;
  label: string;
  /** Where the repeated password goes (not sent), and its label. */
  confirmName: NamePath;
  confirmLabel: string;
}

/** A new password (at least 10 characters, letters and digits) and the same password again, as registration and the password change ask for them. */
export function NewPasswordFields({ name, label, confirmName, confirmLabel }: Props) {
  const t = useT();
  const required = { required: true, message: t('common.required') };
  return (
    <>
      <Form.Item
        name={name}
        label={label}
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
        name={confirmName}
        label={confirmLabel}
        dependencies={[name]}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue(name)) throw new Error(t('register.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
