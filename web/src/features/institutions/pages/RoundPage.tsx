import { Button, Card, Descriptions, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import {
  APPLICATION_STATUS_LABELS,
  ROUND_STATUS_LABELS,
  type ApplicationSummary,
  type RoundView,
  type Threshold,
} from '../../../../../common/api/institutions';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateApplication } from '../api/applications';
import { useRound, useRoundApplications } from '../api/get-round';
import { useTransitionRound } from '../api/transition-round';
import { formatFigure, metricLabel } from '../components/labels';

/** /institutions/rounds/:id — a round's thresholds with sources, sheet and results; certifiers run it, institutions apply. */
export function RoundPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const q = useRound(id);
  const certifier = !!q.data && (q.data.actions.some((a) => a !== 'apply') || q.data.status !== 'open');
  const apps = useRoundApplications(id, !!q.data?.actions.some((a) => a !== 'apply'));
  const transition = useTransitionRound();
  const apply = useCreateApplication();
  const onProblem = useProblemHandler();
  if (q.isPending) return <Card loading />;
  if (q.isError) return <Result status={isApiProblem(q.error, 'not_found') ? '404' : 'error'} />;
  const r = q.data;
  const condition = (th: Threshold) =>
    th.conditions
      .map((c) => `${metricLabel(c.metric, locale)} ${c.op === 'gte' ? '≥' : '≤'} ${formatFigure(c.metric, c.value)}`)
      .join(lang === 'zh' ? ' 或 ' : ' or ');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {r.title}
            <Tag>{ROUND_STATUS_LABELS[r.status][lang]}</Tag>
          </Space>
        }
        extra={
          <Space>
            {r.actions
              .filter((a): a is Exclude<RoundView['actions'][number], 'apply'> => a !== 'apply')
              .map((a) => (
                <Popconfirm
                  key={a}
                  title={t(`round.action.${a}`)}
                  onConfirm={() => transition.mutate({ id, action: a }, { onError: (e) => onProblem(e) })}
                >
                  <Button type="primary" loading={transition.isPending} data-testid={`round-${a}`}>
                    {t(`round.action.${a}`)}
                  </Button>
                </Popconfirm>
              ))}
            {r.actions.includes('apply') && (
              <Button
                type="primary"
                loading={apply.isPending}
                onClick={() =>
                  apply.mutate(
                    { roundId: id, body: {} },
                    { onSuccess: (v) => navigate(`/workspace/demonstration/${v.id}`), onError: (e) => onProblem(e) },
                  )
                }
              >
                {t('round.apply')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('round.deadline')}>{r.applicationDeadline}</Descriptions.Item>
          <Descriptions.Item label={t('round.passMark')}>{r.passMark}</Descriptions.Item>
          <Descriptions.Item label={t('round.panelSize')}>{r.panelSize}</Descriptions.Item>
          <Descriptions.Item label={t('round.noticeWorkingDays')}>{r.noticeWorkingDays}</Descriptions.Item>
          <Descriptions.Item label={t('round.termYears')}>{r.termYears}</Descriptions.Item>
          <Descriptions.Item label={t('round.noticeEndsAt')}>{formatDateTime(r.noticeEndsAt, locale)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('round.thresholds')}>
        <Table<Threshold>
          rowKey="key"
          dataSource={r.thresholds}
          pagination={false}
          columns={[
            { title: t('round.title'), dataIndex: 'label' },
            { title: t('dapp.required'), key: 'c', render: (_, th) => condition(th) },
            {
              title: t('round.source'),
              dataIndex: 'source',
              render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card title={`${t('round.sheet')}：${r.sheet.name}`}>
        <Typography.Paragraph type="secondary">{r.sheet.source}</Typography.Paragraph>
        <Space wrap>
          {r.sheet.criteria.map((c) => (
            <Tag key={c.key}>{`${c.label} ${c.weight}`}</Tag>
          ))}
        </Space>
      </Card>
      {r.results && (
        <Card title={t('round.results')}>
          <Table
            rowKey={(x) => x.organization.id}
            dataSource={r.results}
            pagination={false}
            columns={[
              {
                title: t('inst.name'),
                key: 'o',
                render: (_, x) => <Link to={`/institutions/${x.organization.id}`}>{x.organization.name}</Link>,
              },
              { title: t('round.mean'), dataIndex: 'mean' },
              {
                title: t('round.status'),
                dataIndex: 'status',
                render: (s: keyof typeof APPLICATION_STATUS_LABELS) => APPLICATION_STATUS_LABELS[s][lang],
              },
            ]}
          />
        </Card>
      )}
      {certifier && apps.data && (
        <Card title={t('round.applications')}>
          <Table<ApplicationSummary>
            rowKey="id"
            dataSource={apps.data.items}
            pagination={false}
            columns={[
              {
                title: t('inst.name'),
                key: 'o',
                render: (_, a) => <Link to={`/workspace/demonstration/${a.id}`}>{a.organization.name}</Link>,
              },
              {
                title: t('dapp.checks'),
                dataIndex: 'eligible',
                render: (e: boolean) => <Tag color={e ? 'green' : 'red'}>{e ? t('dapp.passed') : t('dapp.failed')}</Tag>,
              },
              {
                title: t('round.status'),
                dataIndex: 'status',
                render: (s: ApplicationSummary['status']) => APPLICATION_STATUS_LABELS[s][lang],
              },
              { title: t('round.mean'), dataIndex: 'mean' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
