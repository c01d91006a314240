import type { ReactNode } from 'react';
import { Card, Col, Empty, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AuctionView, ListingView, NoticeView } from '../../../../../common/api/trading';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useServerNow } from '../api/server-clock';
import { Countdown, daysLeft } from './Countdown';
import { formatYuan } from './money';
import { StatusTag } from './StatusTag';

function TradeCard({
  to,
  title,
  seller,
  tags,
  figureLabel,
  figure,
  footer,
  testId,
}: {
  to: string;
  title: string;
  seller: string;
  tags: ReactNode;
  figureLabel: string;
  figure: string;
  footer: ReactNode;
  testId: string;
}) {
  return (
    <Link to={to} data-testid={testId}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Flex vertical gap={8}>
          <Space wrap size={4}>
            {tags}
          </Space>
          <Typography.Text strong ellipsis={{ tooltip: title }} style={{ fontSize: 15 }}>
            {title}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis>
            {seller}
          </Typography.Text>
          <Statistic title={figureLabel} value={figure} styles={{ content: { color: '#cf1322', fontSize: 20 } }} />
          <Typography.Text type="secondary">{footer}</Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}

/** Cards four to a row on a wide screen; an empty list says so. */
export function CardGrid<T>({ items, render, empty }: { items: T[]; render: (item: T) => ReactNode; empty: string }) {
  if (items.length === 0) return <Empty description={empty} />;
  return (
    <Row gutter={[16, 16]}>
      {items.map((item, i) => (
        <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
          {render(item)}
        </Col>
      ))}
    </Row>
  );
}

export function AuctionCard({ auction }: { auction: AuctionView }) {
  const t = useT();
  const now = useServerNow();
  // The hall's status was right when it was fetched; the clock moves on.
  const live = auction.status === 'live' || (auction.status === 'upcoming' && Date.parse(auction.startsAt) <= now);
  return (
    <TradeCard
      to={`/trading/auctions/${auction.id}`}
      testId="hall-auction"
      title={auction.achievement.title}
      seller={auction.seller.name}
      tags={<StatusTag kind="auction" status={live && auction.status === 'upcoming' ? 'live' : auction.status} />}
      figureLabel={auction.currentPriceFen != null ? t('trading.currentPrice') : t('trading.startingPrice')}
      figure={formatYuan(auction.currentPriceFen ?? auction.startingPriceFen)}
      footer={
        live ? (
          <>
            {t('trading.endsIn')} <Countdown to={auction.endsAt} /> · {t('trading.bidCount', { n: auction.bidCount })}
          </>
        ) : (
          <>
            {t('trading.startsIn')} <Countdown to={auction.startsAt} />
          </>
        )
      }
    />
  );
}

export function ListingCard({ listing }: { listing: ListingView }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <TradeCard
      to={`/trading/listings/${listing.id}`}
      testId="hall-listing"
      title={listing.achievement.title}
      seller={listing.seller.name}
      tags={<StatusTag kind="listing" status={listing.status} />}
      figureLabel={t('trading.basePrice')}
      figure={formatYuan(listing.basePriceFen)}
      footer={
        <>
          {t('trading.listingEnds')} {formatDateTime(listing.endsAt, locale)} · {t('trading.intentCount', { n: listing.intentCount })}
        </>
      }
    />
  );
}

export function NoticeCard({ notice }: { notice: NoticeView }) {
  const t = useT();
  const now = useServerNow(60_000);
  return (
    <TradeCard
      to={`/trading/notices/${notice.id}`}
      testId="hall-notice"
      title={notice.achievement.title}
      seller={`${notice.seller.name} → ${notice.buyer.name}`}
      tags={
        <>
          <StatusTag kind="notice" status={notice.status} />
          {notice.relatedParty && <Tag color="orange">{t('trading.relatedParty')}</Tag>}
          {notice.openObjections > 0 && <Tag color="red">{t('trading.openObjections', { n: notice.openObjections })}</Tag>}
        </>
      }
      figureLabel={t('trading.agreedPrice')}
      figure={formatYuan(notice.priceFen)}
      footer={notice.status === 'posted' ? t('trading.noticeDaysLeft', { n: daysLeft(notice.endsAt, now) }) : t('trading.noticeEnded')}
    />
  );
}
