import { Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { RegistrationView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useConfirmDeposit } from '../api/confirm-deposit';
import { useConfirmRefund } from '../api/confirm-refund';
import { useReviewRegistration } from '../api/review-registration';
import { formatYuan } from './money';
import { PaymentButton } from './PaymentButton';
import { QualifyButtons } from './QualifyButtons';
import { StatusTag } from './StatusTag';
import { formatInstant } from './time';

/** Staff's table of bidders: who they are, their qualification and deposit, and the buttons the server allows. */
export function RegistrationsTable({
  rows,
  loading,
  showAuction,
  testId,
}: {
  rows: RegistrationView[] | undefined;
  loading?: boolean;
  showAuction?: boolean;
  testId: string;
}) {
  const t = useT();
  const review = useReviewRegistration();
  const deposit = useConfirmDeposit();
  const refund = useConfirmRefund();
  return (
    <Table<RegistrationView>
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
      columns={[
        ...(showAuction
          ? [
              {
                title: t('trading.auction'),
                key: 'auction',
                render: (_: unknown, r: RegistrationView) => <Link to={`/trading/auctions/${r.auction.id}`}>{r.auction.title}</Link>,
              },
            ]
          : []),
        { title: t('trading.bidderNumber'), dataIndex: 'bidderNumber', width: 110 },
        { title: t('trading.bidder'), key: 'bidder', render: (_, r) => r.bidder?.name ?? '—' },
        {
          title: t('trading.qualificationStatus'),
          key: 'status',
          width: 100,
          render: (_, r) => <StatusTag kind="registration" status={r.status} />,
        },
        {
          title: t('trading.deposit'),
          key: 'deposit',
          render: (_, r) => (
            <Space size={4} wrap>
              {formatYuan(r.depositFen)}
              <StatusTag kind="deposit" status={r.depositStatus} />
            </Space>
          ),
        },
        { title: t('trading.registeredAt'), dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => formatInstant(v) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) => (
            <Space wrap>
              <QualifyButtons
                actions={r.actions}
                pending={review.isPending && review.variables?.id === r.id}
                testId={`registration-${r.bidderNumber}`}
                onDecide={(body) => review.mutateAsync({ id: r.id, body })}
              />
              {r.actions.includes('confirm_deposit') && (
                <PaymentButton
                  label={t('trading.confirmDeposit')}
                  title={t('trading.confirmDepositTitle', { number: r.bidderNumber })}
                  expectedFen={r.depositFen}
                  pending={deposit.isPending}
                  testId={`deposit-${r.bidderNumber}`}
                  onSubmit={({ reference, amountFen }) =>
                    deposit.mutateAsync({ id: r.id, body: { reference, amountFen: amountFen ?? r.depositFen } })
                  }
                />
              )}
              {r.actions.includes('confirm_refund') && (
                <PaymentButton
                  label={t('trading.confirmRefund')}
                  title={t('trading.confirmRefundTitle', { number: r.bidderNumber })}
                  pending={refund.isPending}
                  testId={`refund-${r.bidderNumber}`}
                  onSubmit={({ reference }) => refund.mutateAsync({ id: r.id, reference })}
                />
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
