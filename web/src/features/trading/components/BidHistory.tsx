import type { HTMLAttributes } from 'react';
import { Card, Table, Tag } from 'antd';
import type { BidView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { formatYuan } from './money';
import { formatInstant } from './time';

/** Accepted bids, newest first, each bidder shown only by its 竞买人编号. */
export function BidHistory({ bids, myNumber }: { bids: BidView[]; myNumber: string | null }) {
  const t = useT();
  return (
    <Card title={t('trading.bidHistory')} size="small">
      <Table<BidView>
        rowKey="seq"
        size="small"
        dataSource={bids}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="bid-history"
        locale={{ emptyText: t('trading.noBids') }}
        onRow={(b) => ({ 'data-testid': 'bid-row', 'data-seq': b.seq } as HTMLAttributes<HTMLElement>)}
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
          { title: t('trading.bidAmount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <span data-testid="bid-amount-cell">{formatYuan(v)}</span> },
          { title: t('trading.placedAt'), dataIndex: 'placedAt', responsive: ['md'], render: (v: string) => formatInstant(v) },
          { title: '', dataIndex: 'extended', width: 90, render: (e: boolean) => e && <Tag color="orange">{t('trading.extendedTag')}</Tag> },
        ]}
      />
    </Card>
  );
}
