import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  EVENT_KIND_LABELS,
  EVENT_MODE_LABELS,
  INTENT_KINDS,
  INTENT_KIND_LABELS,
  REGISTRATION_STATUS_LABELS,
  type EventView,
} from '../../../../../common/api/events';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useCancelRegistration } from '../api/cancel-registration';
import { useEvent } from '../api/get-event';
import { useRecordIntent } from '../api/record-intent';
import { useRegisterForEvent } from '../api/register-for-event';
import { useScorePitch } from '../api/score-pitch';

type Project = EventView['projects'][number];

function ScoreModal({ event, project, onClose }: { event: EventView; project: Project; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const score = useScorePitch();
  const onProblem = useProblemHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('event.scoreTitle', { title: project.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={score.isPending}
    >
      <Typography.Paragraph type="secondary">{event.scoreSheet.source}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { scores: Record<string, number>; comment?: string }) =>
          score.mutate(
            { eventId: event.id, projectId: project.id, scores: v.scores, comment: v.comment },
            {
              onSuccess: () => {
                message.success(t('event.scoreSaved'));
                onClose();
              },
              onError: (e) => onProblem(e, form),
            },
          )
        }
      >
        {event.scoreSheet.criteria.map((c) => (
          <Form.Item key={c.key} name={['scores', c.key]} label={`${c.label}（0–${c.weight}）`} rules={[{ required: true }]}>
            <InputNumber min={0} max={c.weight} step={0.5} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('event.comment')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IntentModal({ event, project, onClose }: { event: EventView; project: Project; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const intent = useRecordIntent();
  const onProblem = useProblemHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`${t('event.intent')}：${project.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={intent.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'cooperation' }}
        onFinish={(v: { kind: string; note?: string }) =>
          intent.mutate(
            { eventId: event.id, projectId: project.id, ...v },
            {
              onSuccess: () => {
                message.success(t('event.intentSaved'));
                onClose();
              },
              onError: (e) => onProblem(e, form),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('event.intentKind')}>
          <Select options={INTENT_KINDS.map((k) => ({ value: k, label: INTENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="note" label={t('event.intentNote')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /events/:id — one event: agenda, projects, registration and the ticket; judges score here. */
export function EventDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const event = useEvent(id);
  const register = useRegisterForEvent();
  const cancel = useCancelRegistration();
  const onProblem = useProblemHandler();
  const [scoring, setScoring] = useState<Project | null>(null);
  const [intentFor, setIntentFor] = useState<Project | null>(null);
  if (event.isPending) return <Skeleton active />;
  if (!event.data) return null;
  const e = event.data;
  const mine = e.myRegistration && e.myRegistration.status !== 'cancelled' ? e.myRegistration : null;
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <Tag color={e.kind === 'roadshow' ? 'magenta' : 'geekblue'}>{EVENT_KIND_LABELS[e.kind]}</Tag>
            <Tag>{EVENT_MODE_LABELS[e.mode]}</Tag>
            {e.title}
          </Space>
        }
        extra={
          e.actions.includes('check_in') && (
            <Link to={`/workspace/events/${e.id}/check-in`}>
              <Button data-testid="event-check-in">{t('event.checkIn')}</Button>
            </Link>
          )
        }
      >
        {e.status === 'cancelled' && <Alert type="error" message={t('event.cancelled')} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>{e.summary}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('event.time')}>
            {formatDateTime(e.startsAt, locale)} – {formatDateTime(e.endsAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('event.organizer')}>{e.organizer.name}</Descriptions.Item>
          {e.venue && <Descriptions.Item label={t('event.venue')}>{e.venue}</Descriptions.Item>}
          {e.onlineUrl && (
            <Descriptions.Item label={t('event.online')}>
              <a href={e.onlineUrl} target="_blank" rel="noreferrer">
                {e.onlineUrl}
              </a>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('event.seats')}>
            {t('event.seatsValue', { registered: e.registered, capacity: e.capacity, waitlisted: e.waitlisted })}
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          {e.actions.includes('register') && (
            <Button
              type="primary"
              data-testid="event-register"
              loading={register.isPending}
              onClick={() =>
                register.mutate(e.id, {
                  onSuccess: (r) =>
                    message.success(
                      r.status === 'waitlisted' ? t('event.waitlisted', { place: r.waitlistPlace ?? '' }) : t('event.registered'),
                    ),
                  onError: (err) => onProblem(err),
                })
              }
            >
              {t('event.register')}
            </Button>
          )}
          {!mine && !e.actions.includes('register') && e.status === 'published' && new Date(e.registrationClosesAt) <= new Date() && (
            <Tag>{t('event.closed')}</Tag>
          )}
        </Flex>
      </Card>

      {mine && (
        <Card title={t('event.myRegistration')} data-testid="my-registration">
          <Flex vertical gap={8}>
            <Space>
              <Tag color={mine.status === 'waitlisted' ? 'orange' : 'green'}>{REGISTRATION_STATUS_LABELS[mine.status]}</Tag>
              {mine.waitlistPlace && <span>{t('event.waitlisted', { place: mine.waitlistPlace })}</span>}
            </Space>
            {mine.ticket && (
              <>
                <Typography.Text strong>{t('event.ticket')}</Typography.Text>
                <Typography.Text code copyable data-testid="ticket-token" style={{ fontSize: 16, wordBreak: 'break-all' }}>
                  {mine.ticket}
                </Typography.Text>
                <Typography.Text type="secondary">{t('event.ticketHint')}</Typography.Text>
              </>
            )}
            {(mine.status === 'registered' || mine.status === 'waitlisted') && (
              <Button
                danger
                style={{ alignSelf: 'flex-start' }}
                loading={cancel.isPending}
                onClick={() => cancel.mutate(mine.id, { onError: (err) => onProblem(err) })}
              >
                {t('event.cancelRegistration')}
              </Button>
            )}
          </Flex>
        </Card>
      )}

      {e.agenda.length > 0 && (
        <Card title={t('event.agenda')}>
          <Timeline
            items={e.agenda.map((a) => ({
              children: (
                <span>
                  {formatDateTime(a.startsAt, locale)} {a.title}
                  {a.speaker ? ` · ${a.speaker}` : ''}
                </span>
              ),
            }))}
          />
        </Card>
      )}

      <Card title={t('event.projects')}>
        <List
          dataSource={e.projects}
          renderItem={(p) => (
            <List.Item
              data-testid="event-project"
              actions={[
                e.actions.includes('judge') && !p.scoredByMe && (
                  <Button key="score" size="small" type="primary" onClick={() => setScoring(p)}>
                    {t('event.score')}
                  </Button>
                ),
                p.scoredByMe && <Tag key="scored">{t('event.scored')}</Tag>,
                e.actions.includes('intent') && (
                  <Button key="intent" size="small" onClick={() => setIntentFor(p)}>
                    {t('event.intent')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  p.achievementId ? (
                    <Link to={`/achievements/${p.achievementId}`}>
                      {p.position}. {p.title}
                    </Link>
                  ) : (
                    `${p.position}. ${p.title}`
                  )
                }
                description={
                  <Space wrap>
                    {p.presenterOrganizationName}
                    <span>{t('event.slot', { pitch: p.pitchMinutes, qa: p.qaMinutes })}</span>
                    {p.result?.mean != null && (
                      <Tag color="gold">{t('event.result', { mean: p.result.mean, scored: p.result.scored })}</Tag>
                    )}
                    {p.intents > 0 && <Tag>{t('event.intents', { n: p.intents })}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {scoring && <ScoreModal event={e} project={scoring} onClose={() => setScoring(null)} />}
      {intentFor && <IntentModal event={e} project={intentFor} onClose={() => setIntentFor(null)} />}
    </Flex>
  );
}
