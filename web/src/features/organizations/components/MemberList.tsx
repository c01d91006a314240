import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { InvitationView, OrganizationView } from '../../../../../common/api/organizations';
import { ROLE_LABELS } from '../../../../../common/roles';
import { useLabel, useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { useAddMember, type AddMemberInput } from '../api/add-member';
import { useMembers, type Member } from '../api/get-members';
import { useInvitations } from '../api/list-invitations';
import { useRemoveMember } from '../api/remove-member';

export function MemberList({ organization }: { organization: OrganizationView }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const me = useMe();
  const members = useMembers(organization.id);
  const addMember = useAddMember();
  const removeMember = useRemoveMember();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<AddMemberInput>();
  const [adding, setAdding] = useState(false);
  const canManage = organization.actions.includes('manage_members');
  const invitations = useInvitations(organization.id, canManage);

  const onAdd = (values: AddMemberInput) =>
    addMember.mutate(
      { organizationId: organization.id, body: values },
      {
        onSuccess: () => {
          setAdding(false);
          form.resetFields();
          message.success(t('org.invitationSent'));
        },
        onError: (error) => onProblem(error, form),
      },
    );

  const columns: TableColumnsType<Member> = [
    { title: t('org.memberName'), dataIndex: 'name' },
    { title: t('org.memberEmail'), dataIndex: 'email' },
    {
      title: t('org.memberRoles'),
      dataIndex: 'roles',
      render: (roles: Member['roles']) => (
        <Space size={[0, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role} color={role === 'org_admin' ? 'blue' : undefined}>
              {label(ROLE_LABELS[role], role)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, member) =>
        member.userId === me.data?.user.id ? null : (
          <Popconfirm
            title={t('org.removeMemberConfirm', { name: member.name })}
            onConfirm={() =>
              removeMember.mutate(
                { organizationId: organization.id, userId: member.userId },
                { onSuccess: () => message.success(t('org.memberRemoved')), onError: (error) => onProblem(error) },
              )
            }
          >
            <Button size="small" danger>
              {t('common.remove')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <Card
      title={t('org.members')}
      extra={
        canManage && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
            {t('org.addMember')}
          </Button>
        )
      }
    >
      <Table<Member> rowKey="userId" columns={columns} dataSource={members.data?.items} loading={members.isLoading} pagination={false} />
      {canManage && !!invitations.data?.items.length && (
        <Table
          style={{ marginTop: 16 }}
          title={() => t('org.invitations')}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={invitations.data.items}
          columns={[
            { title: t('org.memberEmail'), dataIndex: 'email' },
            { title: t('org.memberRole'), dataIndex: 'role', render: (role: Member['roles'][number]) => label(ROLE_LABELS[role], role) },
            {
              title: t('org.invitationStatus'),
              dataIndex: 'status',
              render: (s: InvitationView['status']) => <Tag>{t(`org.invitation.${s}`)}</Tag>,
            },
          ]}
        />
      )}
      <Modal
        title={t('org.addMember')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('org.addMember')}
        cancelText={t('common.cancel')}
        confirmLoading={addMember.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={onAdd} initialValues={{ role: 'org_member' }}>
          <Form.Item
            name="email"
            label={t('org.memberEmail')}
            rules={[
              { required: true, message: t('common.required') },
              { type: 'email', message: t('login.emailInvalid') },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('org.memberName')} rules={[{ required: true, message: t('common.required') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="role" label={t('org.memberRole')}>
            <Radio.Group
              options={(['org_member', 'org_admin'] as const).map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }))}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('org.memberPassword')}
            extra={t('org.memberPasswordHelp')}
            rules={[{ required: true, message: t('common.required') }, { min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
