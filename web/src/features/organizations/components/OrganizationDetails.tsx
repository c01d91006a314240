import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { PENALTY_KIND_LABELS } from '../../../../../common/integrity';
import { EditOutlined } from '@ant-design/icons';
import type { OrganizationView } from '../../../../../common/api/organizations';
import { ORGANIZATION_TYPE_LABELS } from '../../../../../common/roles';
import { OrganizationStatusTag } from '../../../components/OrganizationStatusTag';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useIntegrityFlags } from '../api/get-integrity-flags';
import { useUpdateOrganization, type UpdateOrganizationInput } from '../api/update-organization';

interface EditForm {
  name: string;
  address: string | null;
  website: string | null;
  description: string | null;
  contactPhone: string | null;
}

const emptyToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

export function OrganizationDetails({ organization }: { organization: OrganizationView }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const [editing, setEditing] = useState(false);
  const update = useUpdateOrganization();
  const onProblem = useProblemHandler();
  const canUpdate = organization.actions.includes('update');
  const flags = useIntegrityFlags(organization.id).data?.items ?? [];

  const openEditor = () => {
    form.setFieldsValue({
      name: organization.name,
      address: organization.address,
      website: organization.website,
      description: organization.description,
      contactPhone: organization.contactPhone,
    });
    setEditing(true);
  };

  const onSave = (values: EditForm) => {
    const body: UpdateOrganizationInput = {
      name: values.name.trim(),
      address: emptyToNull(values.address),
      website: emptyToNull(values.website),
      description: emptyToNull(values.description),
      contactPhone: emptyToNull(values.contactPhone),
    };
    update.mutate(
      { id: organization.id, body },
      {
        onSuccess: () => {
          setEditing(false);
          message.success(t('common.saved'));
        },
        onError: (error) => onProblem(error, form),
      },
    );
  };

  const dash = (value: string | null) => value || '—';

  return (
    <>
      <Descriptions
        bordered
        column={{ xs: 1, md: 2 }}
        title={organization.name}
        extra={
          canUpdate && (
            <Button icon={<EditOutlined />} onClick={openEditor} data-testid="org-edit">
              {t('common.edit')}
            </Button>
          )
        }
        items={[
          { key: 'type', label: t('org.type'), children: label(ORGANIZATION_TYPE_LABELS[organization.type]) },
          {
            key: 'status',
            label: t('org.status'),
            children: (
              <>
                <OrganizationStatusTag status={organization.status} />
                {flags.map((f) => (
                  <Tag key={f.id} color="red" data-testid="integrity-flag">
                    {t('integrity.flag')}：{PENALTY_KIND_LABELS[f.penaltyKind]}（{f.effectiveOn} – {f.endsOn}）
                  </Tag>
                ))}
              </>
            ),
          },
          ...(organization.statusReason
            ? [{ key: 'reason', label: t('org.statusReason'), children: organization.statusReason, span: 2 }]
            : []),
          {
            key: 'creditCode',
            label: t('org.creditCode'),
            children: (
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                {organization.creditCode}
              </Typography.Text>
            ),
          },
          ...(organization.creditCodeAreaMismatch
            ? [
                {
                  key: 'creditCodeArea',
                  label: t('org.creditCodeAreaTitle'),
                  children: (
                    <Alert type="warning" showIcon message={t('org.creditCodeArea', { area: organization.creditCodeAreaMismatch })} />
                  ),
                },
              ]
            : []),
          { key: 'region', label: t('org.region'), children: organization.regionName },
          { key: 'address', label: t('org.address'), children: dash(organization.address) },
          { key: 'phone', label: t('org.phone'), children: dash(organization.contactPhone) },
          {
            key: 'website',
            label: t('org.website'),
            children: organization.website ? (
              <a href={organization.website} target="_blank" rel="noopener noreferrer">
                {organization.website}
              </a>
            ) : (
              '—'
            ),
          },
          { key: 'createdAt', label: t('org.createdAt'), children: formatDateTime(organization.createdAt, locale) },
          {
            key: 'description',
            label: t('org.description'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(organization.description)}</span>,
          },
        ]}
      />
      <Modal
        title={t('org.editTitle')}
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={update.isPending}
        width={640}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={onSave}>
          <Form.Item
            name="name"
            label={t('org.name')}
            rules={[
              { required: true, message: t('common.required') },
              { min: 2, max: 200 },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="address" label={t('org.address')} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('org.phone')} rules={[{ max: 32 }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="website" label={t('org.website')} rules={[{ type: 'url' }, { max: 300 }]}>
            <Input maxLength={300} placeholder="https://" />
          </Form.Item>
          <Form.Item name="description" label={t('org.description')} rules={[{ max: 5000 }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
