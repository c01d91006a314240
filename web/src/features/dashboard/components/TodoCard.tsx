import { Card, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useDismissTodo, useTodo } from '../api/list-todo';

/** The workspace's to-do list: what waits for me; opening an item marks it done and follows its link. Hidden when empty. */
export function TodoCard() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const todo = useTodo();
  const dismiss = useDismissTodo();
  const items = todo.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('notif.todo')} data-testid="todo-list">
      <List
        size="small"
        dataSource={items}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => {
              dismiss.mutate(n.id);
              if (n.link) navigate(n.link);
            }}
          >
            <List.Item.Meta title={n.title} description={n.body} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(n.createdAt, locale)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
