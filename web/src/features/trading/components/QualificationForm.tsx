import { Button, Form, Input } from 'antd';
import { OrganizationPicker } from '../../../components/catalog/OrganizationPicker';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { YuanInput } from './money';

export interface QualificationValues {
  qualification: string;
  organizationId?: string;
  offerFen?: number;
}

interface Props {
  /** Ask for an offer too (purchase intent), at least this much. */
  minOfferFen?: number;
  submitLabel: string;
  onSubmit: (values: QualificationValues) => Promise<unknown>;
  pending?: boolean;
  testId: string;
}

/** A buyer's qualification statement (资质说明) — and for a listing its offer — to register intent or as a bidder. */
export function QualificationForm({ minOfferFen, submitLabel, onSubmit, pending, testId }: Props) {
  const t = useT();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<QualificationValues>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ offerFen: minOfferFen }}
      onFinish={async (values) => {
        try {
          await onSubmit({ ...values, qualification: values.qualification.trim() });
        } catch (e) {
          onProblem(e, form);
        }
      }}
      data-testid={testId}
    >
      {minOfferFen != null && (
        <Form.Item
          name="offerFen"
          label={t('trading.offer')}
          extra={t('trading.offerHint')}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: (_, v: number | null) =>
                v == null || v >= minOfferFen ? Promise.resolve() : Promise.reject(new Error(t('trading.offerTooLow'))),
            },
          ]}
        >
          <YuanInput testId={`${testId}-offer`} />
        </Form.Item>
      )}
      <Form.Item
        name="qualification"
        label={t('trading.qualification')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 10, message: t('trading.atLeast', { n: 10 }) },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={3000}
          showCount
          placeholder={t('trading.qualificationHint')}
          data-testid={`${testId}-qualification`}
        />
      </Form.Item>
      <OrganizationPicker />
      <Button type="primary" htmlType="submit" loading={pending} data-testid={`${testId}-submit`}>
        {submitLabel}
      </Button>
    </Form>
  );
}
