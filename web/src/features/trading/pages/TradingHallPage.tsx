import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { DealView } from '../../../../../common/api/trading';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useHall } from '../api/get-hall';
import { useServerNow } from '../api/server-clock';
import { AuctionCard, CardGrid, ListingCard, NoticeCard } from '../components/HallCards';
import { formatYuan } from '../components/money';
import { RouteTag, StatusTag } from '../components/StatusTag';
import { formatInstant } from '../components/time';

const TABS = ['auctions', 'listings', 'notices', 'deals'] as const;
type Tab = (typeof TABS)[number];

function DealsTable({ deals }: { deals: DealView[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Table<DealView>
      rowKey="id"
      size="middle"
      dataSource={deals}
      pagination={false}
      data-testid="hall-deals"
      columns={[
        {
          title: t('trading.achievement'),
          key: 'title',
          render: (_, d) => <Link to={`/trading/deals/${d.id}`}>{d.achievement.title}</Link>,
        },
        { title: t('trading.route'), dataIndex: 'route', width: 110, render: (_, d) => <RouteTag route={d.route} /> },
        { title: t('trading.seller'), key: 'seller', responsive: ['md'], render: (_, d) => d.seller.name },
        { title: t('trading.buyer'), key: 'buyer', responsive: ['md'], render: (_, d) => d.buyer.name },
        { title: t('trading.dealPrice'), dataIndex: 'priceFen', align: 'right', render: (v: number) => formatYuan(v) },
        {
          title: t('trading.status'),
          dataIndex: 'status',
          width: 100,
          responsive: ['lg'],
          render: (_, d) => <StatusTag kind="deal" status={d.status} />,
        },
        {
          title: t('trading.dealDate'),
          dataIndex: 'createdAt',
          width: 160,
          responsive: ['lg'],
          render: (v: string) => formatDateTime(v, locale),
        },
      ]}
    />
  );
}

/** /trading — 交易大厅: live and upcoming auctions with countdowns, open listings, notices under way, recent deals. */
export function TradingHallPage() {
  const t = useT();
  const hall = useHall();
  const now = useServerNow();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'auctions';
  const data = hall.data;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" wrap gap={16} align="center">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('trading.hallTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('trading.hallSubtitle')}</Typography.Text>
          </div>
          <Typography.Text type="secondary" data-testid="server-clock">
            {t('trading.serverTime')} {formatInstant(new Date(now).toISOString())}
          </Typography.Text>
        </Flex>
        {data && (
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={12} md={6}>
              <Statistic title={t('trading.liveAuctions')} value={data.liveAuctions.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('trading.upcomingAuctions')} value={data.upcomingAuctions.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('trading.openListings')} value={data.listings.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('trading.noticesUnderWay')} value={data.notices.length} />
            </Col>
          </Row>
        )}
      </Card>
      <Card>
        {hall.isPending ? (
          <Skeleton active />
        ) : !data ? (
          <Alert type="error" title={hall.error?.message ?? t('app.networkError')} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            items={[
              {
                key: 'auctions',
                label: t('trading.tabAuctions'),
                children: (
                  <Flex vertical gap={16}>
                    <Typography.Title level={5} style={{ margin: 0 }}>
                      {t('trading.liveAuctions')}
                    </Typography.Title>
                    <CardGrid items={data.liveAuctions} empty={t('trading.noLiveAuctions')} render={(a) => <AuctionCard auction={a} />} />
                    <Typography.Title level={5} style={{ margin: 0 }}>
                      {t('trading.upcomingAuctions')}
                    </Typography.Title>
                    <CardGrid
                      items={data.upcomingAuctions}
                      empty={t('trading.noUpcomingAuctions')}
                      render={(a) => <AuctionCard auction={a} />}
                    />
                  </Flex>
                ),
              },
              {
                key: 'listings',
                label: t('trading.tabListings'),
                children: <CardGrid items={data.listings} empty={t('trading.noListings')} render={(l) => <ListingCard listing={l} />} />,
              },
              {
                key: 'notices',
                label: t('trading.tabNotices'),
                children: <CardGrid items={data.notices} empty={t('trading.noNotices')} render={(n) => <NoticeCard notice={n} />} />,
              },
              { key: 'deals', label: t('trading.tabDeals'), children: <DealsTable deals={data.recentDeals} /> },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
