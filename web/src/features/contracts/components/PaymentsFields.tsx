import { Button, Col, DatePicker, Empty, Flex, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/locale';
import { YuanInput } from './money';

/** The payment schedule: each instalment's amount, condition (e.g. 签约后 10 日内) and, if fixed, due date. */
export function PaymentsFields() {
  const t = useT();
  return (
    <Form.List name="payments">
      {(fields, { add, remove }) => (
        <Flex vertical gap={0}>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.payments.none')} />}
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col xs={24} md={9}>
                <Form.Item name={[field.name, 'condition']} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input maxLength={300} placeholder={t('contract.payments.condition')} data-testid={`payment-condition-${field.name}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[field.name, 'dueOn']}>
                  <DatePicker placeholder={t('contract.payments.dueOn')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={8} md={7}>
                <Form.Item name={[field.name, 'amountFen']} rules={[{ required: true, message: t('common.required') }]}>
                  <YuanInput testId={`payment-amount-${field.name}`} />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-payment">
            {t('contract.payments.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
