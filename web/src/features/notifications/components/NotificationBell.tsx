import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useNotifications, type Notification } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';

/** The header bell: unread count, the latest notifications; opening one marks it read and follows its link. */
export function NotificationBell() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const notifications = useNotifications(true);
  const markRead = useMarkNotificationRead();
  // The endpoint may not exist yet on an older server: the bell then simply stays empty.
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread ?? items.filter((n) => !n.readAt).length;
  const markAll = useMarkAllNotificationsRead();

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  const content = (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.none')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 20)}
          renderItem={(n) => (
            <List.Item
              onClick={() => open(n)}
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
              data-testid="notification-item"
            >
              <List.Item.Meta
                title={
                  <>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    {n.needsAction && !n.readAt && (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        {t('notif.todo')}
                      </Tag>
                    )}
                  </>
                }
                description={
                  <>
                    {n.body && <div>{n.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt, locale)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notif.title')}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => markAll.mutate()} data-testid="notification-read-all">
              {t('notif.markAllRead')}
            </Button>
          )}
        </Flex>
      }
      trigger="click"
      placement="bottomRight"
    >
      <Button type="text" aria-label={t('notif.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" data-testid="notification-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
