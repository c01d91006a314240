import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Permission } from '../../../../../common/roles';
import { useLocale, useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateToken, type CreateTokenInput, type CreatedToken } from '../api/create-token';
import { useMyTokens, type ApiToken } from '../api/get-my-tokens';
import { useRevokeToken } from '../api/revoke-token';

export function TokensPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const tokens = useMyTokens();
  const revoke = useRevokeToken();
  const create = useCreateToken();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<CreateTokenInput>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const permissions: readonly Permission[] = me.data?.permissions ?? [];

  const onCreate = (values: CreateTokenInput) =>
    create.mutate(
      { name: values.name, scopes: values.scopes, expiresInDays: values.expiresInDays ?? undefined },
      {
        onSuccess: (result) => {
          setCreating(false);
          form.resetFields();
          setCreated(result);
        },
        onError: (error) => onProblem(error, form),
      },
    );

  const statusOf = (token: ApiToken) => {
    if (token.revokedAt) return <Tag>{t('tokens.revoked')}</Tag>;
    if (token.expiresAt && new Date(token.expiresAt) < new Date()) return <Tag color="orange">{t('tokens.expired')}</Tag>;
    return <Tag color="green">{t('tokens.valid')}</Tag>;
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    {
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <Space size={[0, 4]} wrap>
          {scopes.map((s) => (
            <Tag key={s} title={s}>
              {t(`perm.${s}` as `perm.${Permission}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('tokens.status'), key: 'status', render: (_, token) => statusOf(token) },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v, locale) : t('common.never')),
    },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDateTime(v, locale) : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm')}
            onConfirm={() =>
              revoke.mutate(token.id, {
                onSuccess: () => message.success(t('common.done')),
                onError: (error) => onProblem(error),
              })
            }
          >
            <Button size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <Table<ApiToken> rowKey="id" columns={columns} dataSource={tokens.data?.items} loading={tokens.isLoading} pagination={false} />

      <Modal
        title={t('tokens.create')}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('tokens.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={onCreate} initialValues={{ scopes: [] }}>
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, message: t('common.required') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('tokens.scopes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={permissions.map((p) => ({ value: p, label: `${t(`perm.${p}`)} (${p})` }))}
            />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresInDaysHelp')}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={t('tokens.secretTitle')}
        open={created !== null}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('tokens.secretClose')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.secretText')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: created?.token }} code data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
