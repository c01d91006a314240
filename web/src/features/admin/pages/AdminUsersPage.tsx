import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS } from '../../../../../common/roles';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { AssignRoleModal } from '../components/AssignRoleModal';
import { useUsers, type AdminUser } from '../api/list-users';
import { useRemoveRole } from '../api/remove-role';
import { useUpdateUser } from '../api/update-user';

const PAGE_SIZE = 20;

export function AdminUsersPage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = hasPermission(me.data, 'user:manage');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [assignTo, setAssignTo] = useState<AdminUser | null>(null);
  const users = useUsers({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const removeRole = useRemoveRole();
  const updateUser = useUpdateUser();
  const onProblem = useProblemHandler();
  const done = { onSuccess: () => message.success(t('common.done')), onError: (error: unknown) => onProblem(error) };

  const isLocked = (user: AdminUser) => !!user.lockedUntil && new Date(user.lockedUntil) > new Date();

  const columns: TableColumnsType<AdminUser> = [
    { title: t('adminUsers.name'), dataIndex: 'name' },
    { title: t('adminUsers.email'), dataIndex: 'email' },
    {
      title: t('adminUsers.roles'),
      key: 'grants',
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.grants.map((grant) => {
            const scope = grant.organizationName ?? grant.regionName;
            const text = `${label(ROLE_LABELS[grant.role], grant.role)}${scope ? ` · ${scope}` : ''}`;
            return canManage ? (
              <Popconfirm
                key={grant.id}
                title={t('adminUsers.removeRoleConfirm', { role: text })}
                onConfirm={() => removeRole.mutate({ userId: user.id, grantId: grant.id }, done)}
              >
                <Tag closable onClose={(e) => e.preventDefault()} style={{ cursor: 'pointer' }}>
                  {text}
                </Tag>
              </Popconfirm>
            ) : (
              <Tag key={grant.id}>{text}</Tag>
            );
          })}
        </Space>
      ),
    },
    {
      title: t('adminUsers.state'),
      key: 'state',
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.disabled && <Tag color="red">{t('adminUsers.disabled')}</Tag>}
          {isLocked(user) && (
            <Tag color="orange" title={formatDateTime(user.lockedUntil, locale)}>
              {t('adminUsers.locked')}
            </Tag>
          )}
          {!user.disabled && !isLocked(user) && <Tag color="green">{t('adminUsers.enabled')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('adminUsers.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatDateTime(v, locale) : t('common.never')),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setAssignTo(user)}>
            {t('adminUsers.assignRole')}
          </Button>
          {isLocked(user) && (
            <Button size="small" onClick={() => updateUser.mutate({ userId: user.id, body: { unlock: true } }, done)}>
              {t('adminUsers.unlock')}
            </Button>
          )}
          {user.id !== me.data?.user.id &&
            (user.disabled ? (
              <Button size="small" onClick={() => updateUser.mutate({ userId: user.id, body: { disabled: false } }, done)}>
                {t('adminUsers.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('adminUsers.disableConfirm')}
                onConfirm={() => updateUser.mutate({ userId: user.id, body: { disabled: true } }, done)}
              >
                <Button size="small" danger>
                  {t('adminUsers.disable')}
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    });
  }

  return (
    <Card title={t('adminUsers.title')}>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder={t('adminUsers.search')}
          allowClear
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
        />
      </Flex>
      <Table<AdminUser>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
        scroll={{ x: 'max-content' }}
      />
      <AssignRoleModal user={assignTo} onClose={() => setAssignTo(null)} />
    </Card>
  );
}
