import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../../../../common/roles';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useMyInvitations } from '../api/list-my-invitations';
import { useRespondToInvitation } from '../api/respond-to-invitation';

/** /workspace/invitations: organisations that invited me; the role starts only when I accept. */
export function MyInvitationsPage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const list = useMyInvitations();
  const respond = useRespondToInvitation();
  const answer = (id: string, decision: 'accept' | 'decline') =>
    respond.mutate(
      { id, decision },
      {
        onSuccess: () => message.success(t(decision === 'accept' ? 'invitations.accepted' : 'invitations.declined')),
        onError: (error) => onProblem(error),
      },
    );
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.invitations')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('invitations.intro')}</Typography.Paragraph>
      <List
        data-testid="my-invitations"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={t('invitations.none')} /> }}
        renderItem={(inv) => (
          <List.Item
            actions={[
              <Button key="accept" type="primary" loading={respond.isPending} onClick={() => answer(inv.id, 'accept')}>
                {t('invitations.accept')}
              </Button>,
              <Button key="decline" loading={respond.isPending} onClick={() => answer(inv.id, 'decline')}>
                {t('invitations.decline')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={inv.organizationName}
              description={
                <Space wrap>
                  <Tag>{label(ROLE_LABELS[inv.role], inv.role)}</Tag>
                  {inv.invitedByName && <span>{t('invitations.invitedBy', { name: inv.invitedByName })}</span>}
                  <span>{formatDateTime(inv.createdAt, locale)}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
