import { useState } from 'react';
import { Card, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { RecordActions } from '../../../components/catalog/RecordActions';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useReviewQueue, type ReviewKind, type ReviewRecord } from '../api/list-review-queue';
import { useReviewRecord } from '../api/review-record';

const PAGE_SIZE = 20;

function Queue({ kind }: { kind: ReviewKind }) {
  const t = useT();
  const { locale } = useLocale();
  const onProblem = useProblemHandler();
  const [page, setPage] = useState(1);
  const queue = useReviewQueue(kind, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const review = useReviewRecord();
  return (
    <Table<ReviewRecord>
      rowKey="id"
      loading={queue.isFetching}
      dataSource={queue.data?.items}
      data-testid={`review-${kind}`}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: queue.data?.total,
        onChange: setPage,
        showTotal: (total) => t('common.total', { total }),
      }}
      columns={[
        { title: t('record.title'), dataIndex: 'title', render: (title: string, r) => <Link to={`/${kind}/${r.id}`}>{title}</Link> },
        { title: t('record.organization'), key: 'org', render: (_, r) => r.organization.name, responsive: ['md'] },
        { title: t('record.field'), dataIndex: 'fieldName', responsive: ['lg'] },
        {
          title: t('review.submittedAt'),
          dataIndex: 'submittedAt',
          width: 160,
          render: (v: string | null) => formatDateTime(v, locale),
          responsive: ['md'],
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) => (
            <RecordActions
              size="small"
              actions={r.actions.filter((a) => a !== 'edit')}
              pending={review.isPending && review.variables?.id === r.id}
              onTransition={(action, reason) =>
                review.mutateAsync({ kind, id: r.id, body: { action, reason } }).catch((e: unknown) => {
                  onProblem(e);
                  throw e;
                })
              }
            />
          ),
        },
      ]}
    />
  );
}

/** /workspace/review: submitted achievements and demands waiting for a reviewer. */
export function ReviewQueuePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'demands' ? 'demands' : 'achievements';
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.reviewQueue')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'achievements', label: t('nav.achievements'), children: <Queue kind="achievements" /> },
          { key: 'demands', label: t('nav.demands'), children: <Queue kind="demands" /> },
        ]}
      />
    </Card>
  );
}
