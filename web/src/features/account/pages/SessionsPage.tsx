import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '../../../i18n/locale';
import { meQueryKey } from '../../../lib/auth';
import { describeUserAgent, formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useMySessions, type Session } from '../api/get-my-sessions';
import { useRevokeSession } from '../api/revoke-session';

export function SessionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const onProblem = useProblemHandler();

  const onRevoke = (session: Session) =>
    revoke.mutate(session.id, {
      onSuccess: () => {
        message.success(t('sessions.revoked'));
        if (session.current) void queryClient.invalidateQueries({ queryKey: meQueryKey });
      },
      onError: (error) => onProblem(error),
    });

  const columns: TableColumnsType<Session> = [
    {
      title: t('sessions.device'),
      key: 'device',
      render: (_, s) => (
        <span title={s.userAgent ?? undefined}>
          {describeUserAgent(s.userAgent)} {s.current && <Tag color="green">{t('sessions.current')}</Tag>}
        </span>
      ),
    },
    { title: t('sessions.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: t('sessions.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
    { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v, locale) },
    { title: t('sessions.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Popconfirm title={s.current ? t('sessions.revokeCurrentConfirm') : t('sessions.revokeConfirm')} onConfirm={() => onRevoke(s)}>
          <Button size="small" danger loading={revoke.isPending && revoke.variables === s.id}>
            {t('sessions.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('sessions.title')}>
      <Typography.Paragraph type="secondary">{t('sessions.intro')}</Typography.Paragraph>
      <Table<Session>
        rowKey="id"
        columns={columns}
        dataSource={sessions.data?.items}
        loading={sessions.isLoading}
        pagination={false}
        data-testid="sessions-table"
      />
    </Card>
  );
}
