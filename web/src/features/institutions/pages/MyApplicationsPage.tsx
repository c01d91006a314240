import { Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import {
  APPLICATION_STATUS_LABELS,
  ROUND_STATUS_LABELS,
  type ApplicationSummary,
  type RoundSummary,
} from '../../../../../common/api/institutions';
import { useLocale, useT } from '../../../i18n/locale';
import { useMyApplications } from '../api/applications';
import { useRounds } from '../api/list-rounds';

/** /workspace/demonstration — my institution's applications, the rounds open to apply to, and what I am to score. */
export function MyApplicationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  const mine = useMyApplications();
  const rounds = useRounds();
  const columns = [
    {
      title: t('round.title'),
      key: 'r',
      render: (_: unknown, a: ApplicationSummary) => (
        <Link to={`/workspace/demonstration/${a.id}`}>{`${a.organization.name} · ${a.roundTitle}`}</Link>
      ),
    },
    {
      title: t('dapp.checks'),
      dataIndex: 'eligible',
      render: (e: boolean) => <Tag color={e ? 'green' : 'red'}>{e ? t('dapp.passed') : t('dapp.failed')}</Tag>,
    },
    { title: t('round.status'), dataIndex: 'status', render: (s: ApplicationSummary['status']) => APPLICATION_STATUS_LABELS[s][lang] },
    { title: t('round.mean'), dataIndex: 'mean', render: (m: number | null) => m ?? '—' },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('inst.rounds')}>
        <Table<RoundSummary>
          rowKey="id"
          dataSource={(rounds.data?.items ?? []).filter((r) => r.status === 'open')}
          pagination={false}
          locale={{ emptyText: t('round.none') }}
          columns={[
            {
              title: t('round.title'),
              dataIndex: 'title',
              render: (title: string, r) => <Link to={`/institutions/rounds/${r.id}`}>{title}</Link>,
            },
            { title: t('round.status'), dataIndex: 'status', render: (s: RoundSummary['status']) => ROUND_STATUS_LABELS[s][lang] },
            { title: t('round.deadline'), dataIndex: 'applicationDeadline' },
          ]}
        />
      </Card>
      <Card title={t('dapp.mine')}>
        <Table<ApplicationSummary>
          rowKey="id"
          loading={mine.isPending}
          dataSource={mine.data?.mine ?? []}
          pagination={false}
          locale={{ emptyText: t('dapp.none') }}
          columns={columns}
        />
      </Card>
      {!!mine.data?.toScore.length && (
        <Card title={t('dapp.toScore')}>
          <Table<ApplicationSummary> rowKey="id" dataSource={mine.data.toScore} pagination={false} columns={columns} />
        </Card>
      )}
    </Space>
  );
}
