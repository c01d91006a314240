import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { DealView } from '../../../../../common/api/trading';
import { TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import { useLabel, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useConfirmPayment } from '../api/confirm-payment';
import { dossierUrl, useDeal } from '../api/get-deal';
import { useWithdrawDeal } from '../api/withdraw-deal';
import { formatYuan } from '../components/money';
import { PaymentButton } from '../components/PaymentButton';
import { ReasonButton } from '../components/ReasonButton';
import { RouteTag, StatusTag } from '../components/StatusTag';
import { formatInstant } from '../components/time';

function Origin({ deal }: { deal: DealView }) {
  const t = useT();
  if (deal.auctionId) return <Link to={`/trading/auctions/${deal.auctionId}`}>{t('trading.originAuction')}</Link>;
  if (deal.noticeId) return <Link to={`/trading/notices/${deal.noticeId}`}>{t('trading.originNotice')}</Link>;
  if (deal.listingId) return <Link to={`/trading/listings/${deal.listingId}`}>{t('trading.originListing')}</Link>;
  return null;
}

/** /trading/deals/:id — a deal (成交): parties, price, route, payment, and its pricing-decision dossier as a PDF. */
export function DealPage() {
  const { id = '' } = useParams();
  const t = useT();
  const label = useLabel();
  const query = useDeal(id);
  const pay = useConfirmPayment();
  const withdraw = useWithdrawDeal();
  const deal = query.data;

  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!deal) {
    const notFound = isApiProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('trading.notFound') : query.error?.message}
        extra={<Link to="/trading?tab=deals">{t('trading.backToHall')}</Link>}
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" wrap gap={16} align="start">
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Space wrap>
              <RouteTag route={deal.route} />
              <StatusTag kind="deal" status={deal.status} />
            </Space>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="deal-title">
              {t('trading.dealOf', { title: deal.achievement.title })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {deal.seller.name} → {deal.buyer.name}
            </Typography.Text>
            <Space wrap>
              {deal.actions.includes('dossier') && (
                <a href={dossierUrl(deal.id)} download data-testid="dossier-download">
                  <Button icon={<DownloadOutlined />}>{t('trading.downloadDossier')}</Button>
                </a>
              )}
              {deal.actions.includes('confirm_payment') && (
                <PaymentButton
                  size="middle"
                  label={t('trading.confirmPayment')}
                  title={t('trading.confirmPayment')}
                  expectedFen={deal.amountDueFen}
                  pending={pay.isPending}
                  testId="confirm-payment"
                  onSubmit={({ reference, amountFen }) =>
                    pay.mutateAsync({ id, body: { reference, amountFen: amountFen ?? deal.amountDueFen } })
                  }
                />
              )}
              {deal.actions.includes('apply_contract') && (
                <Link to={`/workspace/contracts/new?deal=${deal.id}`}>
                  <Button icon={<FileProtectOutlined />}>{t('trading.applyContract')}</Button>
                </Link>
              )}
              {deal.actions.includes('withdraw') && (
                <ReasonButton
                  danger
                  label={t('trading.withdrawDeal')}
                  title={deal.route === 'auction' ? t('trading.withdrawDealForfeit') : t('trading.withdrawDeal')}
                  pending={withdraw.isPending}
                  testId="withdraw-deal"
                  onSubmit={(reason) => withdraw.mutateAsync({ id, reason })}
                />
              )}
            </Space>
          </Flex>
          <Flex vertical align="end" gap={4}>
            <Typography.Text type="secondary">{t('trading.dealPrice')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0, color: '#cf1322' }} data-testid="deal-price">
              {formatYuan(deal.priceFen)}
            </Typography.Title>
          </Flex>
        </Flex>
      </Card>
      {deal.status === 'cancelled' && <Alert type="warning" showIcon title={t('trading.dealCancelled')} description={deal.cancelReason} />}
      <Card title={t('trading.dealFacts')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          bordered
          items={[
            {
              key: 'achievement',
              label: t('trading.achievement'),
              children: <Link to={`/achievements/${deal.achievement.id}`}>{deal.achievement.title}</Link>,
            },
            {
              key: 'route',
              label: t('trading.route'),
              children: (
                <Space>
                  <RouteTag route={deal.route} />
                  <Origin deal={deal} />
                </Space>
              ),
            },
            { key: 'seller', label: t('trading.seller'), children: deal.seller.name },
            { key: 'buyer', label: t('trading.buyer'), children: <span data-testid="deal-buyer">{deal.buyer.name}</span> },
            { key: 'mode', label: t('trading.transferMode'), children: label(TRANSFER_MODE_LABELS[deal.transferMode], deal.transferMode) },
            { key: 'price', label: t('trading.dealPrice'), children: formatYuan(deal.priceFen) },
            ...(deal.depositAppliedFen > 0
              ? [{ key: 'deposit', label: t('trading.depositApplied'), children: formatYuan(deal.depositAppliedFen) }]
              : []),
            { key: 'due', label: t('trading.amountDue'), children: formatYuan(deal.amountDueFen) },
            { key: 'created', label: t('trading.dealDate'), children: formatInstant(deal.createdAt) },
            ...(deal.paymentConfirmedAt
              ? [{ key: 'paid', label: t('trading.paidAt'), children: formatInstant(deal.paymentConfirmedAt) }]
              : []),
            ...(deal.paymentReference ? [{ key: 'ref', label: t('trading.paymentReference'), children: deal.paymentReference }] : []),
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('trading.dossierExplained')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
