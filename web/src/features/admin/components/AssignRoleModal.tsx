import { useEffect, useState } from 'react';
import { App, Form, Modal, Select } from 'antd';
import { ASSIGNABLE_ROLES, ORG_SCOPED_ROLES, REGION_SCOPED_ROLES, ROLE_LABELS, type AssignableRole } from '../../../../../common/roles';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useLabel, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useAssignRole, type AssignRoleInput } from '../api/assign-role';
import { useOrganizations } from '../api/list-organizations';
import type { AdminUser } from '../api/list-users';

interface Props {
  user: AdminUser | null;
  onClose: () => void;
}

export function AssignRoleModal({ user, onClose }: Props) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignRoleInput>();
  const assign = useAssignRole();
  const onProblem = useProblemHandler();
  const role = Form.useWatch('role', form) as AssignableRole | undefined;
  const [orgSearch, setOrgSearch] = useState('');

  const needsOrganization = !!role && ORG_SCOPED_ROLES.includes(role);
  const needsRegion = !!role && REGION_SCOPED_ROLES.includes(role);
  const organizations = useOrganizations({ q: orgSearch || undefined, limit: 20 }, { enabled: user !== null && needsOrganization });

  useEffect(() => {
    if (user) {
      form.resetFields();
      setOrgSearch('');
    }
  }, [user, form]);

  const onFinish = (values: AssignRoleInput) => {
    if (!user) return;
    const body: AssignRoleInput = {
      role: values.role,
      organizationId: needsOrganization ? values.organizationId : undefined,
      regionCode: needsRegion ? values.regionCode : undefined,
    };
    assign.mutate(
      { userId: user.id, body },
      {
        onSuccess: () => {
          message.success(t('common.done'));
          onClose();
        },
        onError: (error) => onProblem(error, form),
      },
    );
  };

  return (
    <Modal
      title={user ? `${t('adminUsers.assignRole')} · ${user.name}` : ''}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('adminUsers.assignRole')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="role" label={t('adminUsers.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))} />
        </Form.Item>
        {needsOrganization && (
          <Form.Item name="organizationId" label={t('adminUsers.organization')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setOrgSearch }}
              placeholder={t('adminUsers.organizationSearch')}
              loading={organizations.isFetching}
              options={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.creditCode})` }))}
            />
          </Form.Item>
        )}
        {needsRegion && (
          <Form.Item name="regionCode" label={t('adminUsers.region')} rules={[{ required: true, message: t('common.required') }]}>
            <RegionTreeSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
