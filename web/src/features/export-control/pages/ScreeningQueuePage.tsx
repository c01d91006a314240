import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { SCREENING_STATUSES, type ScreeningStatus, type ScreeningView } from '../../../../../common/api/export-control';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useScreenings } from '../api/list-screenings';
import { CandidateList } from '../components/CandidateList';

/** /workspace/export-control — the reviewer's screening queue: cross-border records, their candidate items and state. */
export function ScreeningQueuePage() {
  const t = useT();
  const { locale } = useLocale();
  const [status, setStatus] = useState<ScreeningStatus | 'all'>('all');
  const list = useScreenings(status === 'all' ? undefined : status);
  return (
    <Card
      title={t('exportControl.queueTitle')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as ScreeningStatus | 'all')}
          options={[
            { value: 'all', label: t('exportControl.all') },
            ...SCREENING_STATUSES.map((s) => ({ value: s, label: t(`exportControl.status.${s}`) })),
          ]}
        />
      }
    >
      <Table<ScreeningView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('exportControl.queueEmpty') }}
        data-testid="screening-queue"
        scroll={{ x: 760 }}
        expandable={{ expandedRowRender: (r) => <CandidateList candidates={r.candidates} /> }}
        columns={[
          {
            title: t('exportControl.record'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/workspace/export-control/${r.id}`}>{title}</Link>,
          },
          {
            title: t('exportControl.subject'),
            dataIndex: 'subject',
            render: (s: ScreeningView['subject']) => t(`exportControl.subjectLabel.${s}`),
          },
          { title: t('exportControl.domestic'), key: 'domestic', render: (_, r) => r.domesticOrganization?.name ?? '—' },
          {
            title: t('exportControl.foreign'),
            key: 'foreign',
            render: (_, r) => [r.foreignOrganization?.name, r.foreignCountry].filter(Boolean).join(' · ') || '—',
          },
          {
            title: t('exportControl.candidates'),
            key: 'candidates',
            render: (_, r) =>
              r.candidates.slice(0, 2).map((c) => (
                <Tag key={c.itemId} color={c.class === 'prohibited' ? 'red' : 'orange'}>
                  {c.code ?? c.name}
                </Tag>
              )),
          },
          { title: t('exportControl.statusLabel'), dataIndex: 'status', render: (s: ScreeningStatus) => t(`exportControl.status.${s}`) },
          {
            title: t('exportControl.updatedAt'),
            dataIndex: 'updatedAt',
            render: (d: string) => <Typography.Text type="secondary">{formatDateTime(d, locale)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
