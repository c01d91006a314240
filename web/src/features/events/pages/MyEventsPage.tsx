import { Button, Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { REGISTRATION_STATUS_LABELS, type RegistrationView } from '../../../../../common/api/events';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useCancelRegistration } from '../api/cancel-registration';
import { useMyRegistrations } from '../api/list-my-registrations';

/** /workspace/events — my registrations, with the ticket (check-in code) of each seat. */
export function MyEventsPage() {
  const t = useT();
  const { locale } = useLocale();
  const list = useMyRegistrations();
  const cancel = useCancelRegistration();
  const onProblem = useProblemHandler();
  return (
    <Card title={t('event.myTitle')}>
      <Table<RegistrationView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('event.event'),
            dataIndex: 'eventTitle',
            render: (title: string, r) => <Link to={`/events/${r.eventId}`}>{title}</Link>,
          },
          { title: t('event.time'), dataIndex: 'eventStartsAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('event.status'),
            dataIndex: 'status',
            render: (s: RegistrationView['status'], r) => (
              <Tag color={s === 'waitlisted' ? 'orange' : s === 'cancelled' ? 'default' : 'green'}>
                {REGISTRATION_STATUS_LABELS[s]}
                {r.waitlistPlace ? ` #${r.waitlistPlace}` : ''}
              </Tag>
            ),
          },
          {
            title: t('event.ticket'),
            dataIndex: 'ticket',
            render: (ticket: string | null) =>
              ticket ? (
                <Typography.Text code copyable>
                  {ticket}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            render: (_, r) =>
              (r.status === 'registered' || r.status === 'waitlisted') && (
                <Button size="small" danger onClick={() => cancel.mutate(r.id, { onError: (e) => onProblem(e) })}>
                  {t('event.cancelRegistration')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
