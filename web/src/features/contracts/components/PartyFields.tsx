import { Col, Form, Input, Row, Select } from 'antd';
import { isValidCreditCode } from '../../../../../common/credit-code';
import { EXTRA_PARTY_TYPES } from '../../../../../common/contracts';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from '../../../../../common/roles';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useLabel, useT } from '../../../i18n/locale';
import { CountrySelect } from './CountrySelect';

const PARTY_TYPES = [...ORGANIZATION_TYPES, ...EXTRA_PARTY_TYPES] as const;

/**
 * One party of the contract under `name` (seller, buyer, intermediary): who it is, where (a region
 * and a credit code in China, a country abroad) and whom to contact. The applicant's own
 * organisation (`own`) is filled in from its profile and not edited here.
 */
export function PartyFields({ name, own }: { name: string; own?: boolean }) {
  const t = useT();
  const label = useLabel();
  const form = Form.useFormInstance();
  const country = Form.useWatch([name, 'country'], form) as string | undefined;
  const organizationType = Form.useWatch([name, 'organizationType'], form) as string | undefined;
  const domestic = (country ?? 'CN') === 'CN';
  const required = { required: true, message: t('common.required') };
  const typeLabel = (k: (typeof PARTY_TYPES)[number]) =>
    k === 'individual'
      ? t('contract.party.individual')
      : k === 'other'
        ? t('contract.party.otherType')
        : label(ORGANIZATION_TYPE_LABELS[k], k);
  return (
    <Row gutter={12}>
      <Col xs={24} md={14}>
        <Form.Item
          name={[name, 'name']}
          label={t('contract.party.name')}
          rules={[required, { min: 2, message: t('contract.min', { n: 2 }) }]}
        >
          <Input maxLength={200} disabled={own} data-testid={`${name}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name={[name, 'organizationType']} label={t('contract.party.type')} rules={[required]}>
          <Select disabled={own} options={PARTY_TYPES.map((k) => ({ value: k, label: typeLabel(k) }))} data-testid={`${name}-type`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item
          name={[name, 'country']}
          label={t('contract.party.location')}
          rules={[{ required: true, message: t('contract.party.countryRequired') }]}
        >
          <CountrySelect disabled={own} testId={`${name}-location`} />
        </Form.Item>
      </Col>
      {domestic && (
        <Col xs={24} md={10}>
          <Form.Item
            name={[name, 'regionCode']}
            label={t('contract.party.region')}
            rules={[required]}
            extra={t('contract.party.regionHelp')}
          >
            <RegionTreeSelect placeholder={t('contract.party.regionPlaceholder')} />
          </Form.Item>
        </Col>
      )}
      {domestic && organizationType !== 'individual' && (
        <Col xs={24} md={14}>
          <Form.Item
            name={[name, 'creditCode']}
            label={t('contract.party.creditCode')}
            normalize={(v: string) => v?.toUpperCase()}
            rules={[
              required,
              {
                validator: async (_, v: string | undefined) => {
                  if (v && !isValidCreditCode(v)) throw new Error(t('contract.party.creditCodeInvalid'));
                },
              },
            ]}
          >
            <Input maxLength={18} disabled={own} data-testid={`${name}-credit-code`} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        <Form.Item name={[name, 'address']} label={t('contract.party.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[name, 'contactName']} label={t('contract.party.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[name, 'contactPhone']} label={t('contract.party.contactPhone')}>
          <Input maxLength={32} />
        </Form.Item>
      </Col>
    </Row>
  );
}
