import type { HTMLAttributes } from 'react';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { IntentView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useReviewIntent } from '../api/review-intent';
import { useWithdrawIntent } from '../api/withdraw-intent';
import { formatYuan } from './money';
import { QualifyButtons } from './QualifyButtons';
import { StatusTag } from './StatusTag';
import { formatInstant } from './time';

/**
 * Purchase intents with the buyer, offer, status and the centre's review note; staff also see the
 * qualification statement (expand a row) and qualify or reject. The listing's owner gets the same
 * rows without the statement.
 */
export function IntentsTable({
  rows,
  loading,
  showListing,
  testId,
}: {
  rows: IntentView[] | undefined;
  loading?: boolean;
  showListing?: boolean;
  testId: string;
}) {
  const t = useT();
  const review = useReviewIntent();
  const withdraw = useWithdrawIntent();
  const onProblem = useProblemHandler();
  return (
    <Table<IntentView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid={testId}
      locale={{ emptyText: t('trading.nothingWaiting') }}
      expandable={{
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.qualification ?? '—'}</Typography.Paragraph>
        ),
        rowExpandable: (r) => !!r.qualification,
      }}
      onRow={(r) => ({ 'data-testid': 'intent-row', 'data-id': r.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        ...(showListing
          ? [
              {
                title: t('trading.listing'),
                key: 'listing',
                render: (_: unknown, r: IntentView) => <Link to={`/trading/listings/${r.listing.id}`}>{r.listing.title}</Link>,
              },
            ]
          : []),
        { title: t('trading.buyer'), key: 'buyer', render: (_, r) => r.buyer?.name ?? '—' },
        { title: t('trading.offer'), dataIndex: 'offerFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('trading.status'), key: 'status', width: 100, render: (_, r) => <StatusTag kind="intent" status={r.status} /> },
        { title: t('trading.reviewReason'), dataIndex: 'reviewReason', responsive: ['md'], render: (v: string | null) => v ?? '' },
        { title: t('trading.registeredAt'), dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => formatInstant(v) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) => (
            <Space wrap>
              <QualifyButtons
                actions={r.actions}
                pending={review.isPending && review.variables?.id === r.id}
                testId={`intent-${r.id}`}
                onDecide={(body) => review.mutateAsync({ id: r.id, body })}
              />
              {r.actions.includes('withdraw') && (
                <Popconfirm
                  title={t('trading.withdrawIntentConfirm')}
                  onConfirm={() => withdraw.mutateAsync({ id: r.id }).catch(onProblem)}
                >
                  <Button size="small" danger loading={withdraw.isPending && withdraw.variables?.id === r.id}>
                    {t('trading.withdrawIntent')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
