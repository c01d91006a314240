import type { ReactNode } from 'react';
import { Badge, Button, Card, Drawer, Flex, Popconfirm, Skeleton, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { AuctionView, DealView, ListingView, NoticeView, RegistrationView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { useMyTrading } from '../api/get-my-trading';
import { useWithdrawRegistration } from '../api/withdraw-registration';
import { IntentsTable } from '../components/IntentsTable';
import { formatYuan } from '../components/money';
import { ObjectionList } from '../components/ObjectionList';
import { StartTradeForm } from '../components/StartTradeForm';
import { RouteTag, StatusTag } from '../components/StatusTag';
import { formatInstant } from '../components/time';

type Selling = {
  key: string;
  to: string;
  title: string;
  route: 'listing' | 'auction' | 'agreement';
  status: ReactNode;
  priceFen: number;
  until: string;
};

function sellingRows(listings: ListingView[], auctions: AuctionView[], notices: NoticeView[]): Selling[] {
  return [
    ...listings.map((l) => ({
      key: l.id,
      to: `/trading/listings/${l.id}`,
      title: l.achievement.title,
      route: 'listing' as const,
      status: <StatusTag kind="listing" status={l.status} />,
      priceFen: l.basePriceFen,
      until: l.endsAt,
    })),
    ...auctions.map((a) => ({
      key: a.id,
      to: `/trading/auctions/${a.id}`,
      title: a.achievement.title,
      route: 'auction' as const,
      status: <StatusTag kind="auction" status={a.status} />,
      priceFen: a.currentPriceFen ?? a.startingPriceFen,
      until: a.endsAt,
    })),
    ...notices.map((n) => ({
      key: n.id,
      to: `/trading/notices/${n.id}`,
      title: n.achievement.title,
      route: 'agreement' as const,
      status: <StatusTag kind="notice" status={n.status} />,
      priceFen: n.priceFen,
      until: n.endsAt,
    })),
  ].sort((a, b) => b.until.localeCompare(a.until));
}

function SellingTable({ rows }: { rows: Selling[] }) {
  const t = useT();
  return (
    <Table<Selling>
      rowKey="key"
      dataSource={rows}
      size="middle"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="my-selling"
      locale={{ emptyText: t('trading.nothingSelling') }}
      columns={[
        { title: t('trading.achievement'), key: 'title', render: (_, r) => <Link to={r.to}>{r.title}</Link> },
        { title: t('trading.route'), key: 'route', width: 110, render: (_, r) => <RouteTag route={r.route} /> },
        { title: t('trading.status'), key: 'status', width: 110, render: (_, r) => r.status },
        { title: t('trading.price'), dataIndex: 'priceFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('trading.until'), dataIndex: 'until', responsive: ['md'], render: (v: string) => formatInstant(v) },
      ]}
    />
  );
}

function MyRegistrations({ rows }: { rows: RegistrationView[] }) {
  const t = useT();
  const onProblem = useProblemHandler();
  const withdraw = useWithdrawRegistration();
  return (
    <Table<RegistrationView>
      rowKey="id"
      dataSource={rows}
      size="middle"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="my-registrations"
      locale={{ emptyText: t('trading.noRegistrations') }}
      columns={[
        {
          title: t('trading.auction'),
          key: 'auction',
          render: (_, r) => <Link to={`/trading/auctions/${r.auction.id}`}>{r.auction.title}</Link>,
        },
        {
          title: t('trading.auctionStatus'),
          key: 'astatus',
          width: 100,
          render: (_, r) => <StatusTag kind="auction" status={r.auction.status} />,
        },
        { title: t('trading.bidderNumber'), dataIndex: 'bidderNumber', width: 110 },
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
            <>
              {formatYuan(r.depositFen)} <StatusTag kind="deposit" status={r.depositStatus} />
            </>
          ),
        },
        { title: t('trading.biddingOpens'), key: 'starts', responsive: ['lg'], render: (_, r) => formatInstant(r.auction.startsAt) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) =>
            r.actions.includes('withdraw') && (
              <Popconfirm
                title={t('trading.withdrawRegistrationConfirm')}
                onConfirm={() => withdraw.mutateAsync({ id: r.id }).catch(onProblem)}
              >
                <Button size="small" danger loading={withdraw.isPending && withdraw.variables?.id === r.id}>
                  {t('trading.withdrawRegistration')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}

function MyDeals({ rows }: { rows: DealView[] }) {
  const t = useT();
  return (
    <Table<DealView>
      rowKey="id"
      dataSource={rows}
      size="middle"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="my-deals"
      locale={{ emptyText: t('trading.noDeals') }}
      columns={[
        {
          title: t('trading.achievement'),
          key: 'title',
          render: (_, d) => <Link to={`/trading/deals/${d.id}`}>{d.achievement.title}</Link>,
        },
        { title: t('trading.route'), key: 'route', width: 110, render: (_, d) => <RouteTag route={d.route} /> },
        { title: t('trading.counterparty'), key: 'party', render: (_, d) => `${d.seller.name} → ${d.buyer.name}` },
        { title: t('trading.dealPrice'), dataIndex: 'priceFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('trading.status'), key: 'status', width: 100, render: (_, d) => <StatusTag kind="deal" status={d.status} /> },
      ]}
    />
  );
}

/** /workspace/trading: what my organisations sell and buy, objections waiting for an answer, and starting a new trade. */
export function MyTradingPage() {
  const t = useT();
  const me = useMe().data;
  const mine = useMyTrading();
  const [params, setParams] = useSearchParams();
  const startFor = params.get('start');
  const canStart = hasPermission(me, 'trade:initiate');
  const data = mine.data;
  const tab = params.get('tab') ?? 'selling';
  const setTab = (key: string) => setParams((p) => ({ ...Object.fromEntries(p), tab: key }), { replace: true });
  const closeStart = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('start');
      return next;
    });

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.myTrading')}
        </Typography.Title>
        {canStart && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setParams((p) => ({ ...Object.fromEntries(p), start: '' }))}
            data-testid="start-trade"
          >
            {t('trading.startTrade')}
          </Button>
        )}
      </Flex>
      {mine.isPending || !data ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'selling',
              label: t('trading.tabSelling'),
              children: <SellingTable rows={sellingRows(data.listings, data.auctions, data.notices)} />,
            },
            {
              key: 'buying',
              label: t('trading.tabBuying'),
              children: (
                <Flex vertical gap={16}>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('trading.myRegistrations')}
                  </Typography.Title>
                  <MyRegistrations rows={data.registrations} />
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('trading.myIntents')}
                  </Typography.Title>
                  <IntentsTable rows={data.intents} showListing testId="my-intents" />
                </Flex>
              ),
            },
            { key: 'deals', label: t('trading.tabDeals'), children: <MyDeals rows={data.deals} /> },
            {
              key: 'objections',
              label: (
                <Badge count={data.objectionsToAnswer.length} size="small" offset={[8, 0]}>
                  {t('trading.tabObjections')}
                </Badge>
              ),
              children: (
                <Flex vertical gap={16}>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('trading.objectionsToAnswer')}
                  </Typography.Title>
                  <ObjectionList objections={data.objectionsToAnswer} showNotice />
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('trading.myObjections')}
                  </Typography.Title>
                  <ObjectionList objections={data.myObjections} showNotice />
                </Flex>
              ),
            },
          ]}
        />
      )}
      <Drawer open={canStart && startFor !== null} onClose={closeStart} title={t('trading.startTrade')} size={720} destroyOnHidden>
        <StartTradeForm achievementId={startFor || undefined} onDone={closeStart} />
      </Drawer>
    </Card>
  );
}
