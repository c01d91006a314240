import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import type { BidView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { listBids } from '../api/list-bids';
import { formatYuan } from './money';
import { formatInstant } from './time';

/**
 * Accepted bids, newest first, each bidder shown only by its 竞买人编号. The live stream carries the
 * newest; older ones are fetched on request.
 */
export function BidHistory({ auctionId, bids, myNumber }: { auctionId: string; bids: BidView[]; myNumber: string | null }) {
  const t = useT();
  const onProblem = useProblemHandler();
  const [older, setOlder] = useState<BidView[]>([]);
  const [loading, setLoading] = useState(false);
  const shown = [...bids, ...older.filter((b) => !bids.some((n) => n.seq === b.seq))].sort((a, b) => b.seq - a.seq);
  const oldest = shown.at(-1)?.seq ?? 1;
  const loadOlder = () => {
    setLoading(true);
    listBids(auctionId, oldest)
      .then((page) => setOlder((o) => [...o, ...page.items]))
      .catch(onProblem)
      .finally(() => setLoading(false));
  };
  return (
    <Card
      title={t('trading.bidHistory')}
      size="small"
      extra={
        oldest > 1 && (
          <Button size="small" type="link" loading={loading} onClick={loadOlder} data-testid="older-bids">
            {t('trading.olderBids')}
          </Button>
        )
      }
    >
      <Table<BidView>
        rowKey="seq"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="bid-history"
        locale={{ emptyText: t('trading.noBids') }}
        onRow={(b) => ({ 'data-testid': 'bid-row', 'data-seq': b.seq }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', dataIndex: 'seq', width: 56 },
          {
            title: t('trading.bidderNumber'),
            dataIndex: 'bidderNumber',
            render: (n: string) => (
              <>
                {n}
                {n === myNumber && (
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    {t('trading.you')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('trading.bidAmount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => <span data-testid="bid-amount-cell">{formatYuan(v)}</span>,
          },
          { title: t('trading.placedAt'), dataIndex: 'placedAt', responsive: ['md'], render: (v: string) => formatInstant(v) },
          {
            title: '',
            dataIndex: 'extended',
            width: 90,
            render: (e: boolean) => e && <Tag color="orange">{t('trading.extendedTag')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
