import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PRICING_METHODS, PRICING_METHOD_LABELS } from '../../../../../common/api/trading';
import { useLabel, useT } from '../../../i18n/locale';
import { YuanInput } from './money';

/** How the price was arrived at and the internal approvals: the parts of the dossier the owner supplies. */
export function DossierFields() {
  const t = useT();
  const label = useLabel();
  const method = Form.useWatch(['pricingBasis', 'method']) as string | undefined;
  return (
    <>
      <Form.Item name={['pricingBasis', 'method']} label={t('trading.pricingMethod')} extra={t('trading.pricingMethodHint')}>
        <Select
          allowClear
          options={PRICING_METHODS.map((m) => ({ value: m, label: label(PRICING_METHOD_LABELS[m]) }))}
          data-testid="pricing-method"
        />
      </Form.Item>
      {method && (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name={['pricingBasis', 'appraiser']} label={t('trading.appraiser')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['pricingBasis', 'appraisedValueFen']} label={t('trading.appraisedValue')}>
              <YuanInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['pricingBasis', 'reportNumber']} label={t('trading.reportNumber')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['pricingBasis', 'reportDate']} label={t('trading.reportDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['pricingBasis', 'note']} label={t('trading.pricingNote')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.List name="approvals">
        {(fields, { add, remove }) => (
          <Form.Item label={t('trading.approvals')} extra={t('trading.approvalsHint')}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />}
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'body']}
                      label={t('trading.approvalBody')}
                      rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
                    >
                      <Input maxLength={200} placeholder={t('trading.approvalBodyPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'decidedOn']}
                      label={t('trading.approvalDate')}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item
                      name={[field.name, 'decision']}
                      label={t('trading.approvalDecision')}
                      rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'reference']} label={t('trading.approvalReference')}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 20}>
              {t('trading.addApproval')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}
