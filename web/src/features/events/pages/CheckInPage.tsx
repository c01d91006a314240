import { App, Button, Card, Col, Flex, Form, Input, Row, Statistic, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { REGISTRATION_STATUS_LABELS, type RegistrationView } from '../../../../../common/api/events';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useCheckIn } from '../api/check-in';
import { useEventRegistrations } from '../api/event-registrations';
import { useEvent } from '../api/get-event';
import { useEventStatistics } from '../api/get-event-statistics';

/**
 * /workspace/events/:id/check-in — staff check tickets in by their code (a scanner that types the
 * QR code's text into the field works too), see the list and the event's statistics.
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const event = useEvent(id);
  const regs = useEventRegistrations(id);
  const stats = useEventStatistics(id);
  const checkIn = useCheckIn();
  const onProblem = useProblemHandler();
  return (
    <Flex vertical gap={16}>
      <Card title={t('event.checkInTitle', { title: event.data?.title ?? '' })}>
        <Form
          form={form}
          layout="inline"
          onFinish={(v: { ticket: string }) =>
            checkIn.mutate(
              { eventId: id, ticket: v.ticket.trim() },
              {
                onSuccess: (r) => {
                  message.success(t('event.checkedIn', { name: r.userName }));
                  form.resetFields();
                },
                onError: (e) => onProblem(e, form),
              },
            )
          }
        >
          <Form.Item name="ticket" rules={[{ required: true }]} style={{ flex: 1, minWidth: 320 }}>
            <Input autoFocus placeholder={t('event.ticketPlaceholder')} data-testid="check-in-ticket" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={checkIn.isPending} data-testid="check-in-submit">
            {t('event.checkIn')}
          </Button>
        </Form>
      </Card>
      {stats.data && (
        <Card title={t('event.statistics')}>
          <Row gutter={16}>
            <Col span={5}>
              <Statistic title={t('event.stat.registered')} value={stats.data.registered} />
            </Col>
            <Col span={5}>
              <Statistic title={t('event.stat.checkedIn')} value={stats.data.checkedIn} />
            </Col>
            <Col span={5}>
              <Statistic title={t('event.stat.waitlisted')} value={stats.data.waitlisted} />
            </Col>
            <Col span={5}>
              <Statistic
                title={t('event.stat.attendance')}
                value={stats.data.attendanceRate == null ? '—' : `${Math.round(stats.data.attendanceRate * 100)}%`}
              />
            </Col>
            <Col span={4}>
              <Statistic title={t('event.stat.intents')} value={stats.data.intents} />
            </Col>
          </Row>
        </Card>
      )}
      <Card title={t('event.registrations')}>
        <Table<RegistrationView>
          rowKey="id"
          size="small"
          loading={regs.isPending}
          dataSource={regs.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '#', key: 'n', render: (_, __, i) => i + 1 },
            { title: t('event.attendee'), dataIndex: 'userName' },
            { title: t('event.organization'), dataIndex: 'organizationName', render: (v: string | null) => v ?? '—' },
            {
              title: t('event.status'),
              dataIndex: 'status',
              render: (s: RegistrationView['status']) => <Tag>{REGISTRATION_STATUS_LABELS[s]}</Tag>,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
