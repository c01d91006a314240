import { Form, Select } from 'antd';
import { useT } from '../../i18n/locale';
import { useMe } from '../../lib/auth';

/** Members of several organisations say which one they file for; a single membership needs no question. */
export function OrganizationPicker() {
  const t = useT();
  const me = useMe().data;
  const memberships = me?.memberships ?? [];
  if (memberships.length < 2) return null;
  return (
    <Form.Item name="organizationId" label={t('filing.organization')} rules={[{ required: true, message: t('common.required') }]}>
      <Select
        options={memberships.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
        data-testid="organization-select"
      />
    </Form.Item>
  );
}
