import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, InputNumber, Modal, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import type { IntentView, ListingView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { useListing } from '../api/get-listing';
import { useTradingParameters } from '../api/get-parameters';
import { useRegisterIntent } from '../api/register-intent';
import { useRenewListing } from '../api/renew-listing';
import { useWithdrawIntent } from '../api/withdraw-intent';
import { useWithdrawListing } from '../api/withdraw-listing';
import { Countdown } from '../components/Countdown';
import { DossierCard } from '../components/DossierCard';
import { IntentsTable } from '../components/IntentsTable';
import { formatYuan } from '../components/money';
import { QualificationForm } from '../components/QualificationForm';
import { ReasonButton } from '../components/ReasonButton';
import { SideFigure, TradeHeader } from '../components/TradeHeader';
import { StatusTag } from '../components/StatusTag';
import { formatInstant } from '../components/time';

function RenewButton({ listing }: { listing: ListingView }) {
  const t = useT();
  const onProblem = useProblemHandler();
  const renew = useRenewListing();
  const limits = useTradingParameters().data;
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number | null>(listing.listingDays);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="renew-listing">
        {t('trading.renewListing')}
      </Button>
      <Modal
        open={open}
        title={t('trading.renewListing')}
        okButtonProps={{ loading: renew.isPending, disabled: !days, 'data-testid': 'renew-listing-ok' }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          renew
            .mutateAsync({ id: listing.id, listingDays: days ?? listing.listingDays })
            .then(() => setOpen(false))
            .catch(onProblem)
        }
      >
        <Space>
          {t('trading.listingDays')}
          <InputNumber<number>
            min={limits?.listingDaysMin.value ?? 1}
            max={limits?.listingDaysMax.value ?? 365}
            value={days}
            onChange={setDays}
            suffix={t('trading.daysUnit')}
          />
        </Space>
      </Modal>
    </>
  );
}

function MyIntent({ intent }: { intent: IntentView }) {
  const t = useT();
  const onProblem = useProblemHandler();
  const withdraw = useWithdrawIntent();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="my-intent">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'status', label: t('trading.status'), children: <StatusTag kind="intent" status={intent.status} /> },
          { key: 'offer', label: t('trading.offer'), children: formatYuan(intent.offerFen) },
          { key: 'at', label: t('trading.registeredAt'), children: formatInstant(intent.createdAt) },
          ...(intent.reviewReason ? [{ key: 'reason', label: t('trading.reviewReason'), children: intent.reviewReason }] : []),
        ]}
      />
      {intent.actions.includes('withdraw') && (
        <Button
          danger
          size="small"
          loading={withdraw.isPending}
          onClick={() => void withdraw.mutateAsync({ id: intent.id }).catch(onProblem)}
          data-testid="withdraw-intent"
        >
          {t('trading.withdrawIntent')}
        </Button>
      )}
    </Space>
  );
}

/** /trading/listings/:id — a listing (挂牌): base price, period, purchase intents; the owner and staff see who registered. */
export function ListingPage() {
  const { id = '' } = useParams();
  const t = useT();
  const me = useMe().data;
  const location = useLocation();
  const query = useListing(id);
  const withdraw = useWithdrawListing();
  const register = useRegisterIntent();
  const listing = query.data;

  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!listing) {
    const notFound = isApiProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('trading.notFound') : query.error?.message}
        extra={<Link to="/trading?tab=listings">{t('trading.backToHall')}</Link>}
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <TradeHeader
        route="listing"
        achievement={listing.achievement}
        seller={listing.seller}
        regionName={listing.regionName}
        transferMode={listing.transferMode}
        status={<StatusTag kind="listing" status={listing.status} />}
        side={<SideFigure label={t('trading.basePrice')} value={formatYuan(listing.basePriceFen)} testId="base-price" />}
        actions={
          (listing.actions.includes('withdraw') || listing.actions.includes('renew')) && (
            <Space>
              {listing.actions.includes('withdraw') && (
                <ReasonButton
                  danger
                  label={t('trading.withdrawListing')}
                  title={t('trading.withdrawListing')}
                  pending={withdraw.isPending}
                  testId="withdraw-listing"
                  onSubmit={(reason) => withdraw.mutateAsync({ id, reason })}
                />
              )}
              {listing.actions.includes('renew') && <RenewButton listing={listing} />}
            </Space>
          )
        }
        extra={
          <Space wrap>
            {listing.auctionId && (
              <Link to={`/trading/auctions/${listing.auctionId}`} data-testid="converted-auction">
                {t('trading.convertedToAuction')}
              </Link>
            )}
            {listing.dealId && (
              <Link to={`/trading/deals/${listing.dealId}`} data-testid="deal-link">
                {t('trading.viewDeal')}
              </Link>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t('trading.listingTerms')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'start', label: t('trading.listedAt'), children: formatInstant(listing.startsAt) },
                  { key: 'end', label: t('trading.listingEnds'), children: formatInstant(listing.endsAt) },
                  ...(listing.status === 'open'
                    ? [{ key: 'left', label: t('trading.timeLeft'), children: <Countdown to={listing.endsAt} /> }]
                    : []),
                  { key: 'days', label: t('trading.listingDays'), children: t('trading.daysCount', { n: listing.listingDays }) },
                  {
                    key: 'intents',
                    label: t('trading.intents'),
                    children: t('trading.intentsSummary', { n: listing.intentCount, q: listing.qualifiedCount }),
                  },
                  ...(listing.renewals > 0 ? [{ key: 'renewals', label: t('trading.renewals'), children: listing.renewals }] : []),
                ]}
              />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
                {listing.description ?? listing.achievement.summary}
              </Typography.Paragraph>
              <Alert type="info" showIcon title={t('trading.listingRule')} />
            </Card>
            {listing.intents && (
              <Card title={t('trading.intents')} size="small">
                <Typography.Paragraph type="secondary">{t('trading.intentsVisibility')}</Typography.Paragraph>
                <IntentsTable rows={listing.intents} testId="listing-intents" />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {listing.myIntent ? (
              <Card title={t('trading.myIntent')} size="small">
                <MyIntent intent={listing.myIntent} />
              </Card>
            ) : listing.actions.includes('register_intent') ? (
              <Card title={t('trading.registerIntent')} size="small">
                <QualificationForm
                  testId="intent"
                  minOfferFen={listing.basePriceFen}
                  submitLabel={t('trading.registerIntent')}
                  pending={register.isPending}
                  onSubmit={({ qualification, organizationId, offerFen }) =>
                    register.mutateAsync({
                      listingId: id,
                      body: { qualification, organizationId, offerFen: offerFen ?? listing.basePriceFen },
                    })
                  }
                />
              </Card>
            ) : (
              !me &&
              listing.status === 'open' && (
                <Card size="small">
                  <Typography.Paragraph type="secondary">{t('trading.loginToRegister')}</Typography.Paragraph>
                  <Link to="/login" state={{ from: location.pathname }}>
                    <Button type="primary">{t('trading.login')}</Button>
                  </Link>
                </Card>
              )
            )}
            <DossierCard pricingBasis={listing.pricingBasis} approvals={listing.approvals} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
