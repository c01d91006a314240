import { Card, Col, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { HallView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { formatWan } from '../../../lib/money';
import { useMarketBoard } from '../api/get-market-board';
import { Countdown } from './Countdown';

type BoardKind = 'listing' | 'auction' | 'notice' | 'deal';
const KIND_COLORS: Record<BoardKind, string> = { listing: 'blue', auction: 'volcano', notice: 'gold', deal: 'green' };

interface BoardLine {
  key: string;
  kind: BoardKind;
  title: string;
  priceFen: number;
  link: string;
  at: string;
}

function boardLines(hall: HallView): BoardLine[] {
  return [
    ...hall.listings.map((l) => ({
      key: `l${l.id}`,
      kind: 'listing' as const,
      title: l.achievement.title,
      priceFen: l.basePriceFen,
      link: `/trading/listings/${l.id}`,
      at: l.createdAt,
    })),
    ...[...hall.liveAuctions, ...hall.upcomingAuctions].map((a) => ({
      key: `a${a.id}`,
      kind: 'auction' as const,
      title: a.achievement.title,
      priceFen: a.currentPriceFen ?? a.startingPriceFen,
      link: `/trading/auctions/${a.id}`,
      at: a.createdAt,
    })),
    ...hall.notices.map((n) => ({
      key: `n${n.id}`,
      kind: 'notice' as const,
      title: n.achievement.title,
      priceFen: n.priceFen,
      link: `/trading/notices/${n.id}`,
      at: n.postedAt,
    })),
    ...hall.recentDeals.map((d) => ({
      key: `d${d.id}`,
      kind: 'deal' as const,
      title: d.achievement.title,
      priceFen: d.priceFen,
      link: `/achievements/${d.achievement.id}`,
      at: d.createdAt,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}

/** Live auctions with their countdowns, and the 挂牌/拍卖/公示/成交 notices as a scrolling board. */
export function MarketBoard() {
  const t = useT();
  const hall = useMarketBoard();
  const more = (
    <Link to="/trading">
      {t('home.more')} <ArrowRightOutlined />
    </Link>
  );
  if (hall.isPending) return <Skeleton active />;
  if (!hall.data) return null;
  const offsetMs = Date.parse(hall.data.serverTime) - hall.dataUpdatedAt;
  const lines = boardLines(hall.data);
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={12}>
        <Card title={t('portal.liveAuctions')} extra={more} style={{ height: '100%' }} data-testid="home-live-auctions">
          {!hall.data.liveAuctions.length && !hall.data.upcomingAuctions.length ? (
            <Empty description={t('portal.noAuctions')} />
          ) : (
            <List
              size="small"
              dataSource={[...hall.data.liveAuctions, ...hall.data.upcomingAuctions].slice(0, 6)}
              renderItem={(a) => {
                const live = a.status === 'live';
                return (
                  <List.Item
                    extra={
                      <Flex vertical align="end" style={{ whiteSpace: 'nowrap' }}>
                        <Typography.Text strong style={{ color: '#cf1322' }}>
                          {formatWan(a.currentPriceFen ?? a.startingPriceFen)}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {live ? t('portal.auction.endsIn') : t('portal.auction.startsIn')}{' '}
                          <Countdown endsAt={live ? a.endsAt : a.startsAt} offsetMs={offsetMs} />
                        </Typography.Text>
                      </Flex>
                    }
                  >
                    <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                      <Tag color={live ? 'red' : 'default'}>{live ? t('portal.auction.live') : t('portal.auction.upcoming')}</Tag>
                      <Link to={`/trading/auctions/${a.id}`}>
                        <Typography.Text ellipsis={{ tooltip: a.achievement.title }}>{a.achievement.title}</Typography.Text>
                      </Link>
                    </Flex>
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('portal.board')} extra={more} style={{ height: '100%' }} data-testid="home-board">
          {!lines.length ? (
            <Empty description={t('home.nothingYet')} />
          ) : (
            <div className={lines.length > 6 ? 'jq-board jq-board-scroll' : 'jq-board'}>
              <style>{BOARD_CSS}</style>
              {/* Scrolling lists its lines twice so the loop has no seam; the copy is hidden from assistive technology. */}
              <div className="jq-board-track">
                {[lines, ...(lines.length > 6 ? [lines] : [])].map((copy, i) => (
                  <div key={i} aria-hidden={i > 0}>
                    {copy.map((l) => (
                      <Flex key={l.key} gap={8} align="center" className="jq-board-line">
                        <Tag color={KIND_COLORS[l.kind]}>{t(`portal.board.${l.kind}`)}</Tag>
                        <Link to={l.link} style={{ flex: 1, minWidth: 0 }} tabIndex={i > 0 ? -1 : undefined}>
                          <Typography.Text ellipsis>{l.title}</Typography.Text>
                        </Link>
                        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                          {formatWan(l.priceFen)}
                        </Typography.Text>
                      </Flex>
                    ))}
                  </div>
                ))}
              </div>
            </div>
          )}
        </Card>
      </Col>
    </Row>
  );
}

const BOARD_CSS = `
.jq-board { height: 264px; overflow: hidden; }
.jq-board-line { height: 44px; border-bottom: 1px solid #f0f0f0; }
.jq-board-scroll .jq-board-track { animation: jq-board-up 40s linear infinite; }
.jq-board-scroll:hover .jq-board-track, .jq-board-scroll:focus-within .jq-board-track { animation-play-state: paused; }
@keyframes jq-board-up { from { transform: translateY(0); } to { transform: translateY(-50%); } }
@media (prefers-reduced-motion: reduce) { .jq-board-scroll .jq-board-track { animation: none; } .jq-board { overflow-y: auto; } }
`;
