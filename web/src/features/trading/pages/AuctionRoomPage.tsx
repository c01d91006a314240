import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { AuctionView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { hasPermission, useMe } from '../../../lib/auth';
import { useCancelAuction } from '../api/cancel-auction';
import { auctionQueryKey, useAuction } from '../api/get-auction';
import { useTradingParameters } from '../api/get-parameters';
import { useRegistrations } from '../api/list-registrations';
import { useServerNow } from '../api/server-clock';
import { useAuctionLive } from '../api/use-auction-live';
import { BidForm } from '../components/BidForm';
import { BidHistory } from '../components/BidHistory';
import { DossierCard } from '../components/DossierCard';
import { LivePanel, statusAt } from '../components/LivePanel';
import { formatYuan } from '../components/money';
import { MyRegistrationCard } from '../components/MyRegistrationCard';
import { ReasonButton } from '../components/ReasonButton';
import { RegistrationsTable } from '../components/RegistrationsTable';
import { StatusTag } from '../components/StatusTag';
import { TradeHeader } from '../components/TradeHeader';
import { formatInstant } from '../components/time';

function AuctionFacts({ auction }: { auction: AuctionView }) {
  const t = useT();
  return (
    <Card title={t('trading.auctionTerms')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'start', label: t('trading.startingPrice'), children: formatYuan(auction.startingPriceFen) },
          { key: 'inc', label: t('trading.increment'), children: formatYuan(auction.incrementFen) },
          { key: 'deposit', label: t('trading.deposit'), children: `${formatYuan(auction.depositFen)} (${auction.depositPercent}%)` },
          { key: 'reserve', label: t('trading.reserve'), children: auction.hasReserve ? t('trading.hasReserve') : t('trading.noReserve') },
          { key: 'announced', label: t('trading.announcedAt'), children: formatInstant(auction.announcedAt) },
          { key: 'bidders', label: t('trading.qualifiedBidders'), children: auction.qualifiedBidders },
          ...(auction.finalPriceFen != null
            ? [{ key: 'final', label: t('trading.finalPrice'), children: formatYuan(auction.finalPriceFen) }]
            : []),
        ]}
      />
      {auction.description && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{auction.description}</Typography.Paragraph>
      )}
    </Card>
  );
}

/** /trading/auctions/:id — the auction room: live price, leader, countdown with soft close, bid form and history. */
export function AuctionRoomPage() {
  const { id = '' } = useParams();
  const t = useT();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const query = useAuction(id);
  const live = useAuctionLive(id);
  const parameters = useTradingParameters().data;
  const cancel = useCancelAuction();
  const now = useServerNow(500);
  const auction = query.data;
  const isStaff = hasPermission(me, 'trade:staff');
  const registrations = useRegistrations(id, isStaff);

  const state = live.state ?? auction ?? null;
  const status = state ? statusAt(state, now) : undefined;
  // The caller's actions depend on the phase: fetch them again when it changes (opened, closed).
  const seenStatus = useRef(status);
  useEffect(() => {
    if (seenStatus.current && status && status !== seenStatus.current)
      void queryClient.invalidateQueries({ queryKey: auctionQueryKey(id) });
    seenStatus.current = status;
  }, [status, id, queryClient]);

  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!auction || !state || !status) {
    const notFound = isApiProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('trading.notFound') : query.error?.message}
        extra={<Link to="/trading">{t('trading.backToHall')}</Link>}
      />
    );
  }

  const reg = auction.myRegistration;
  const myNumber = reg?.bidderNumber ?? null;
  const canBid = status === 'live' && auction.actions.includes('bid');
  const liveState = { ...auction, auctionId: auction.id, ...live.state };

  return (
    <Flex vertical gap={16}>
      <TradeHeader
        route="auction"
        achievement={auction.achievement}
        seller={auction.seller}
        regionName={auction.regionName}
        transferMode={auction.transferMode}
        status={<StatusTag kind="auction" status={status} />}
        actions={
          auction.actions.includes('cancel') && (
            <div>
              <ReasonButton
                danger
                label={t('trading.cancelAuction')}
                title={t('trading.cancelAuction')}
                pending={cancel.isPending}
                testId="cancel-auction"
                onSubmit={(reason) => cancel.mutateAsync({ id, reason })}
              />
            </div>
          )
        }
        extra={
          auction.dealId && (
            <Link to={`/trading/deals/${auction.dealId}`} data-testid="deal-link">
              <Button type="link" style={{ padding: 0 }}>
                {t('trading.viewDeal')}
              </Button>
            </Link>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <LivePanel
              state={liveState}
              status={status}
              extension={live.extension}
              extensionMinutes={parameters?.softCloseExtensionMinutes.value}
              windowMinutes={parameters?.softCloseWindowMinutes.value}
              myNumber={myNumber}
              connection={live.connection}
            />
            {reg && (
              <>
                {!canBid && status === 'upcoming' && reg.eligible && <Alert type="info" showIcon title={t('trading.biddingNotOpen')} />}
                {(status === 'live' || status === 'upcoming') && (
                  <BidForm
                    auctionId={id}
                    state={liveState}
                    enabled={canBid}
                    myNumber={myNumber}
                    onPlaced={(result) => {
                      live.applyBid(result.bid, result.state);
                      // Having bid changes what the bidder may do (no withdrawing any more).
                      void queryClient.invalidateQueries({ queryKey: auctionQueryKey(id) });
                    }}
                  />
                )}
              </>
            )}
            <BidHistory auctionId={id} bids={live.history} myNumber={myNumber} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <MyRegistrationCard auction={auction} open={status === 'upcoming' || status === 'live'} />
            <AuctionFacts auction={auction} />
            <DossierCard pricingBasis={auction.pricingBasis} approvals={auction.approvals} />
          </Flex>
        </Col>
      </Row>
      {isStaff && (
        <Card title={t('trading.bidders')} size="small">
          <RegistrationsTable rows={registrations.data?.items} loading={registrations.isFetching} testId="auction-registrations" />
        </Card>
      )}
    </Flex>
  );
}
