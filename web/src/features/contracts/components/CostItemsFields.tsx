import { Button, Card, Col, Empty, Flex, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COST_ITEM_KINDS, COST_ITEM_KIND_LABELS, computeAmounts } from '../../../../../common/contracts';
import { useLabel, useT } from '../../../i18n/locale';
import { issueText } from './amount-issues';
import type { ContractFormValues } from './form-values';
import { YuanInput } from './money';

/**
 * The itemised non-technical costs: kind (equipment, instruments, parts and raw materials are
 * deducted; technical carriers are not), what it is, the amount and a note saying why.
 */
export function CostItemsFields() {
  const t = useT();
  const label = useLabel();
  const form = Form.useFormInstance<ContractFormValues>();
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Form.List name="nonTechnicalCosts">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.costs.none')} />}
          {fields.map((field) => (
            <Card key={field.key} size="small" data-testid={`cost-${field.name}`}>
              <Row gutter={8}>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={t('contract.costs.kind')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      options={COST_ITEM_KINDS.map((k) => ({ value: k, label: label(COST_ITEM_KIND_LABELS[k]) }))}
                      data-testid={`cost-kind-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item name={[field.name, 'description']} label={t('contract.costs.description')} rules={[required]}>
                    <Input maxLength={200} data-testid={`cost-description-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={7}>
                  <Form.Item
                    name={[field.name, 'amountFen']}
                    label={t('contract.costs.amount')}
                    dependencies={['contractAmountFen']}
                    rules={[
                      { required: true, message: t('common.required') },
                      {
                        validator: async () => {
                          const v = form.getFieldsValue(true) as ContractFormValues;
                          const { issues } = computeAmounts({
                            contractAmountFen: v.contractAmountFen ?? 0,
                            nonTechnicalCosts: (v.nonTechnicalCosts ?? []).map((i) => ({ kind: i.kind, amountFen: i.amountFen ?? 0 })),
                          });
                          const mine = issues.find((i) => i.path[0] === 'nonTechnicalCosts' && i.path[1] === field.name);
                          if (mine && (v.contractAmountFen ?? 0) > 0) throw new Error(issueText(mine, t));
                        },
                      },
                    ]}
                  >
                    <YuanInput testId={`cost-amount-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name={[field.name, 'note']}
                    label={t('contract.costs.note')}
                    rules={[required]}
                    extra={t('contract.costs.noteHelp')}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      rows={1}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      data-testid={`cost-note-${field.name}`}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          {fields.length < 100 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'equipment' })} data-testid="add-cost">
              {t('contract.costs.add')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
