import { Card, Empty, Flex, List, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EVENT_KIND_LABELS, EVENT_MODE_LABELS, type EventSummary } from '../../../../../common/api/events';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useEvents, type EventsWhen } from '../api/list-events';

export function EventItem({ e }: { e: EventSummary }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <List.Item data-testid="event-item">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={e.kind === 'roadshow' ? 'magenta' : 'geekblue'}>{EVENT_KIND_LABELS[e.kind]}</Tag>
          <Tag>{EVENT_MODE_LABELS[e.mode]}</Tag>
          {e.status === 'cancelled' && <Tag color="red">{t('event.cancelled')}</Tag>}
          <Link to={`/events/${e.id}`}>
            <Typography.Text strong>{e.title}</Typography.Text>
          </Link>
        </Flex>
        <Typography.Text type="secondary">
          {formatDateTime(e.startsAt, locale)} · {e.venue ?? t('event.online')} · {e.organizer.name}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('event.seatsValue', { registered: e.registered, capacity: e.capacity, waitlisted: e.waitlisted })}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** /events — roadshows and exhibitions, upcoming or past. */
export function EventsPage() {
  const t = useT();
  const [when, setWhen] = useState<EventsWhen>('upcoming');
  const list = useEvents(when);
  return (
    <Card
      title={t('event.listTitle')}
      extra={
        <Segmented
          value={when}
          onChange={(v) => setWhen(v as EventsWhen)}
          options={[
            { value: 'upcoming', label: t('event.upcoming') },
            { value: 'past', label: t('event.past') },
          ]}
        />
      }
    >
      {list.isPending ? (
        <Skeleton active />
      ) : !list.data?.items.length ? (
        <Empty description={t('event.none')} />
      ) : (
        <List dataSource={list.data.items} renderItem={(e) => <EventItem e={e} />} />
      )}
    </Card>
  );
}
