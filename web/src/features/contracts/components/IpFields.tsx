import { Form, Input, Select, Typography } from 'antd';
import { IP_KINDS, IP_KIND_LABELS, PATENT_KINDS, type IpKind } from '../../../../../common/catalog';
import { FormRowsList } from '../../../components/catalog/formParts';
import { useLabel, useT } from '../../../i18n/locale';

/** The IP the contract concerns: kind, number (a patent's application number, check digit validated by the server) and title. */
export function IpFields() {
  const t = useT();
  const label = useLabel();
  const form = Form.useFormInstance();
  const required = { required: true, message: t('common.required') };
  return (
    <FormRowsList
      name="ipInvolved"
      align="top"
      gap={0}
      max={50}
      newItem={{ kind: 'invention_patent' }}
      addLabel={t('contract.ip.add')}
      addTestId="add-ip"
      empty={<Typography.Paragraph type="secondary">{t('contract.ip.none')}</Typography.Paragraph>}
      columns={[
        {
          name: 'kind',
          md: 6,
          render: (field) => (
            <Form.Item name={[field.name, 'kind']} rules={[required]}>
              <Select options={IP_KINDS.map((k) => ({ value: k, label: label(IP_KIND_LABELS[k]) }))} />
            </Form.Item>
          ),
        },
        {
          name: 'number',
          md: 7,
          render: (field) => (
            <Form.Item noStyle shouldUpdate>
              {() => {
                const kind = form.getFieldValue(['ipInvolved', field.name, 'kind']) as IpKind | undefined;
                const patent = !!kind && PATENT_KINDS.includes(kind);
                return (
                  <Form.Item name={[field.name, 'number']} rules={patent ? [required] : []}>
                    <Input placeholder={patent ? t('contract.ip.patentNumber') : t('contract.ip.numberOptional')} maxLength={40} />
                  </Form.Item>
                );
              }}
            </Form.Item>
          ),
        },
        { name: 'title', md: 9, rules: [required], placeholder: t('contract.ip.title'), maxLength: 200 },
      ]}
    />
  );
}
