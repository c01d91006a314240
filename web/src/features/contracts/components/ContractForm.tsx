import type { ReactNode } from 'react';
import { Card, Checkbox, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import {
  CONTRACT_SUBTYPES,
  CONTRACT_SUBTYPE_LABELS,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  type ContractType,
} from '../../../../../common/contracts';
import { FieldSelect } from '../../../components/catalog/FieldSelect';
import { useLabel, useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { useMyOrganizations } from '../api/get-my-organizations';
import { useRegistrationPoints } from '../api/list-registration-points';
import { AmountSummary } from './AmountSummary';
import { CostItemsFields } from './CostItemsFields';
import { ownParty, type ContractFormValues } from './form-values';
import { IpFields } from './IpFields';
import { YuanInput } from './money';
import { PartyFields } from './PartyFields';
import { PaymentsFields } from './PaymentsFields';

interface Props {
  form: FormInstance<ContractFormValues>;
  initialValues: ContractFormValues;
  /** `apply`: the applicant's own application; `amend`: a registrar amending a certified contract. */
  mode: 'apply' | 'amend';
  /** Cards after the amounts (attachments), and the buttons. */
  children?: ReactNode;
  /** Above the summary in the side column (e.g. the registrar's adjustment). */
  sideExtra?: ReactNode;
}

/**
 * The technology contract as the registration rules describe it: type and subtype, subject, the
 * parties, IP, the amounts with itemised non-technical costs and the payment schedule. Field names
 * follow the API body, so the server's field errors land beside the field they name.
 */
export function ContractForm({ form, initialValues, mode, children, sideExtra }: Props) {
  const t = useT();
  const label = useLabel();
  const me = useMe().data;
  const orgs = useMyOrganizations(mode === 'apply');
  const required = { required: true, message: t('common.required') };
  const type = (Form.useWatch('type', form) ?? initialValues.type) as ContractType | undefined;
  const technologyImport = Form.useWatch('technologyImport', form) ?? initialValues.technologyImport;
  const hasIntermediary = Form.useWatch('hasIntermediary', form) ?? initialValues.hasIntermediary;
  const hasBroker = Form.useWatch('hasBroker', form) ?? initialValues.hasBroker;
  const subtypes = type ? (CONTRACT_SUBTYPES[type] as readonly (keyof typeof CONTRACT_SUBTYPE_LABELS)[]) : [];
  const memberships = me?.memberships ?? [];
  const organizationId = (Form.useWatch('organizationId', form) ?? initialValues.organizationId) as string | undefined;
  const points = useRegistrationPoints(organizationId, mode === 'apply');

  const orgById = (id: string | undefined) => orgs.data?.find((o) => o.id === id) ?? (orgs.data?.length === 1 ? orgs.data[0] : undefined);
  // The applicant's own organisation is the seller, or the buyer of a technology import.
  const placeOwnParty = (importing: boolean, organizationId: string | undefined) => {
    const own = ownParty(orgById(organizationId));
    if (importing) form.setFieldsValue({ buyer: own, seller: { country: '', organizationType: 'enterprise', organizationId: null } });
    else form.setFieldsValue({ seller: own, buyer: { country: 'CN', organizationType: 'enterprise', organizationId: null } });
  };

  return (
    <Form<ContractFormValues> form={form} layout="vertical" initialValues={initialValues} scrollToFirstError requiredMark>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={t('contract.section.basic')}>
              {mode === 'apply' && memberships.length > 1 && (
                <Form.Item name="organizationId" label={t('contract.applicantOrganization')} rules={[required]}>
                  <Select
                    options={memberships.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
                    onChange={(id: string) => placeOwnParty(!!form.getFieldValue('technologyImport'), id)}
                    data-testid="organization-select"
                  />
                </Form.Item>
              )}
              <Form.Item name="type" label={t('contract.type')} rules={[required]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  onChange={(e) => {
                    const next = CONTRACT_SUBTYPES[e.target.value as ContractType] as readonly string[];
                    form.setFieldValue('subtype', next[0] ?? null);
                  }}
                  options={CONTRACT_TYPES.map((k) => ({
                    value: k,
                    label: <span data-testid={`type-${k}`}>{label(CONTRACT_TYPE_LABELS[k])}</span>,
                  }))}
                />
              </Form.Item>
              {subtypes.length > 0 && (
                <Form.Item name="subtype" label={t('contract.subtype')} rules={[required]}>
                  <Select
                    options={subtypes.map((k) => ({ value: k, label: label(CONTRACT_SUBTYPE_LABELS[k]) }))}
                    data-testid="subtype-select"
                  />
                </Form.Item>
              )}
              <Form.Item name="title" label={t('contract.title')} rules={[required, { min: 2, message: t('contract.min', { n: 2 }) }]}>
                <Input maxLength={200} showCount data-testid="contract-title" />
              </Form.Item>
              <Form.Item
                name="subject"
                label={t('contract.subject')}
                rules={[required, { min: 10, message: t('contract.min', { n: 10 }) }]}
                extra={t('contract.subjectHelp')}
              >
                <Input.TextArea rows={4} maxLength={5000} showCount data-testid="contract-subject" />
              </Form.Item>
              <Form.Item name="fieldCode" label={t('contract.field')} rules={[required]}>
                <FieldSelect />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="signedOn" label={t('contract.signedOn')} rules={[required]}>
                    <DatePicker style={{ width: '100%' }} data-testid="signed-on" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="validFrom" label={t('contract.validFrom')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="validUntil" label={t('contract.validUntil')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              {mode === 'apply' && (
                <Form.Item
                  name="registrationOrganizationId"
                  label={t('contract.registrationPoint')}
                  extra={t('contract.registrationPointHelp')}
                >
                  <Select
                    allowClear
                    loading={points.isLoading}
                    placeholder={points.data?.find((p) => p.isDefault)?.name}
                    options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` }))}
                    data-testid="registration-point"
                  />
                </Form.Item>
              )}
            </Card>

            <Card title={t('contract.section.parties')}>
              {mode === 'apply' && (
                <Form.Item name="technologyImport" valuePropName="checked" extra={t('contract.technologyImportHelp')}>
                  <Switch
                    checkedChildren={t('contract.technologyImport')}
                    unCheckedChildren={t('contract.technologyDomestic')}
                    onChange={(on) => placeOwnParty(on, form.getFieldValue('organizationId') as string | undefined)}
                  />
                </Form.Item>
              )}
              <Typography.Title level={5}>{t('contract.seller')}</Typography.Title>
              <PartyFields name="seller" own={mode === 'apply' && !technologyImport} />
              <Typography.Title level={5}>{t('contract.buyer')}</Typography.Title>
              <PartyFields name="buyer" own={mode === 'apply' && technologyImport} />
              <Form.Item name="hasIntermediary" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="has-intermediary">{t('contract.hasIntermediary')}</Checkbox>
              </Form.Item>
              {hasIntermediary && <PartyFields name="intermediary" />}
              <Form.Item name="hasBroker" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="has-broker">{t('contract.hasBroker')}</Checkbox>
              </Form.Item>
              {hasBroker && (
                <Form.Item name={['broker', 'name']} label={t('contract.brokerName')} rules={[required]}>
                  <Input maxLength={50} data-testid="broker-name" />
                </Form.Item>
              )}
            </Card>

            <Card title={t('contract.section.ip')}>
              <IpFields />
            </Card>

            <Card title={t('contract.section.amounts')}>
              <Form.Item
                name="contractAmountFen"
                label={t('contract.contractAmount')}
                rules={[required]}
                extra={t('contract.contractAmountHelp')}
              >
                <YuanInput testId="contract-amount" />
              </Form.Item>
              <Typography.Title level={5}>{t('contract.costs.title')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('contract.costs.help')}</Typography.Paragraph>
              <CostItemsFields />
              <Form.Item
                name="relatedServicesInvoicedTogether"
                valuePropName="checked"
                style={{ marginTop: 16 }}
                extra={t('contract.relatedServicesHelp')}
              >
                <Checkbox>{t('contract.relatedServices')}</Checkbox>
              </Form.Item>
              <Typography.Title level={5}>{t('contract.payments.title')}</Typography.Title>
              <PaymentsFields />
            </Card>
            {children}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            {sideExtra}
            <AmountSummary />
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
