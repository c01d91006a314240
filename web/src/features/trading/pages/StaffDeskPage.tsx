import { Badge, Card, Skeleton, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { DealView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useConfirmPayment } from '../api/confirm-payment';
import { useStaffDesk } from '../api/get-staff-desk';
import { IntentsTable } from '../components/IntentsTable';
import { formatYuan } from '../components/money';
import { PaymentButton } from '../components/PaymentButton';
import { RegistrationsTable } from '../components/RegistrationsTable';
import { RouteTag } from '../components/StatusTag';
import { formatInstant } from '../components/time';

function PaymentsDue({ rows }: { rows: DealView[] }) {
  const t = useT();
  const pay = useConfirmPayment();
  return (
    <Table<DealView>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="payments-due"
      locale={{ emptyText: t('trading.nothingWaiting') }}
      columns={[
        {
          title: t('trading.achievement'),
          key: 'title',
          render: (_, d) => <Link to={`/trading/deals/${d.id}`}>{d.achievement.title}</Link>,
        },
        { title: t('trading.route'), key: 'route', width: 110, render: (_, d) => <RouteTag route={d.route} /> },
        { title: t('trading.buyer'), key: 'buyer', render: (_, d) => d.buyer.name },
        { title: t('trading.amountDue'), dataIndex: 'amountDueFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('trading.dealDate'), dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => formatInstant(v) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, d) =>
            d.actions.includes('confirm_payment') && (
              <PaymentButton
                label={t('trading.confirmPayment')}
                title={t('trading.confirmPayment')}
                expectedFen={d.amountDueFen}
                pending={pay.isPending && pay.variables?.id === d.id}
                testId={`payment-${d.id}`}
                onSubmit={({ reference, amountFen }) =>
                  pay.mutateAsync({ id: d.id, body: { reference, amountFen: amountFen ?? d.amountDueFen } })
                }
              />
            ),
        },
      ]}
    />
  );
}

const label = (text: string, n: number) => (
  <Badge count={n} size="small" offset={[8, 0]}>
    {text}
  </Badge>
);

/** /workspace/trading/staff — the trading centre's desk: qualify buyers and bidders, confirm deposits, refunds and payments. */
export function StaffDeskPage() {
  const t = useT();
  const desk = useStaffDesk();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'bidders';
  const d = desk.data;
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.tradingStaff')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('trading.deskHint')}</Typography.Paragraph>
      {!d ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'bidders',
              label: label(t('trading.registrationsToQualify'), d.registrationsToQualify.length),
              children: <RegistrationsTable rows={d.registrationsToQualify} showAuction testId="registrations-to-qualify" />,
            },
            {
              key: 'deposits',
              label: label(t('trading.depositsToConfirm'), d.depositsToConfirm.length),
              children: <RegistrationsTable rows={d.depositsToConfirm} showAuction testId="deposits-to-confirm" />,
            },
            {
              key: 'intents',
              label: label(t('trading.intentsToQualify'), d.intentsToQualify.length),
              children: <IntentsTable rows={d.intentsToQualify} showListing testId="intents-to-qualify" />,
            },
            {
              key: 'payments',
              label: label(t('trading.paymentsDue'), d.paymentsDue.length),
              children: <PaymentsDue rows={d.paymentsDue} />,
            },
            {
              key: 'refunds',
              label: label(t('trading.refundsDue'), d.refundsDue.length),
              children: <RegistrationsTable rows={d.refundsDue} showAuction testId="refunds-due" />,
            },
          ]}
        />
      )}
    </Card>
  );
}
