import { Alert, Badge, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { AuctionLiveState, AuctionStatus } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import type { Connection, Extension } from '../api/use-auction-live';
import { Countdown } from './Countdown';
import { formatYuan } from './money';
import { formatInstant } from './time';
import { StatusTag } from './StatusTag';

/** The status at `now` by the server's clock: upcoming, live and ended follow the clock until the close is recorded. */
export function statusAt(state: Pick<AuctionLiveState, 'status' | 'startsAt' | 'endsAt'>, now: number): AuctionStatus {
  if (state.status !== 'upcoming' && state.status !== 'live' && state.status !== 'ended') return state.status;
  if (now < Date.parse(state.startsAt)) return 'upcoming';
  if (now < Date.parse(state.endsAt)) return 'live';
  return 'ended';
}

export function ConnectionBadge({ connection }: { connection: Connection }) {
  const t = useT();
  const status =
    connection === 'open' ? 'success' : connection === 'finished' ? 'default' : connection === 'connecting' ? 'processing' : 'warning';
  return <Badge status={status} text={t(`trading.connection.${connection}`)} data-testid="connection" data-connection={connection} />;
}

interface Props {
  state: AuctionLiveState;
  status: AuctionStatus;
  extension: Extension | null;
  extensionMinutes: number | undefined;
  windowMinutes: number | undefined;
  myNumber: string | null;
  connection: Connection;
}

/** Price, leader (as 竞买人编号), countdown on the server's clock, and a soft-close extension when one happens. */
export function LivePanel({ state, status, extension, extensionMinutes, windowMinutes, myNumber, connection }: Props) {
  const t = useT();
  const extended = state.endsAt !== state.originalEndsAt;
  const leaderIsMe = !!myNumber && state.leaderNumber === myNumber;
  const over = status !== 'upcoming' && status !== 'live';
  const priceLabel =
    state.currentPriceFen == null
      ? t('trading.startingPrice')
      : over
        ? status === 'sold'
          ? t('trading.finalPrice')
          : t('trading.highestBid')
        : t('trading.currentPrice');
  return (
    <Card data-testid="live-panel">
      <Flex justify="space-between" wrap gap={16} align="start">
        <Flex vertical gap={4}>
          <Space>
            <StatusTag kind="auction" status={status} />
            <ConnectionBadge connection={connection} />
          </Space>
          <Typography.Text type="secondary">{priceLabel}</Typography.Text>
          <Typography.Title
            level={2}
            style={{ margin: 0, color: '#cf1322', fontVariantNumeric: 'tabular-nums' }}
            data-testid="current-price"
          >
            {formatYuan(state.currentPriceFen ?? state.startingPriceFen)}
          </Typography.Title>
          <Space wrap>
            <Typography.Text>
              {over ? t('trading.highestBidder') : t('trading.leader')}{' '}
              <Typography.Text strong data-testid="leader">
                {state.leaderNumber ?? '—'}
              </Typography.Text>
            </Typography.Text>
            {leaderIsMe && status === 'live' && (
              <Tag color="green" data-testid="leading">
                {t('trading.youLead')}
              </Tag>
            )}
            {state.winnerNumber && (
              <Tag color="gold" data-testid="winner">
                {t('trading.winner', { number: state.winnerNumber })}
                {state.winnerNumber === myNumber ? ` · ${t('trading.you')}` : ''}
              </Tag>
            )}
            <Typography.Text type="secondary" data-testid="bid-count">
              {t('trading.bidCount', { n: state.bidCount })}
            </Typography.Text>
          </Space>
        </Flex>
        <Flex vertical align="end" gap={4}>
          {status === 'upcoming' && (
            <>
              <Typography.Text type="secondary">{t('trading.startsIn')}</Typography.Text>
              <Typography.Title level={3} style={{ margin: 0 }}>
                <Countdown to={state.startsAt} testId="countdown" />
              </Typography.Title>
            </>
          )}
          {status === 'live' && (
            <>
              <Typography.Text type="secondary">{t('trading.endsIn')}</Typography.Text>
              <Typography.Title level={3} style={{ margin: 0 }}>
                <Countdown to={state.endsAt} testId="countdown" strong />
              </Typography.Title>
            </>
          )}
          {status === 'ended' && <Typography.Text strong>{t('trading.closing')}</Typography.Text>}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'start', label: t('trading.biddingOpens'), children: formatInstant(state.startsAt) },
              {
                key: 'end',
                label: t('trading.biddingCloses'),
                children: (
                  <span data-testid="ends-at">
                    {formatInstant(state.endsAt)}
                    {extended && ` (${t('trading.originallyEnds', { time: formatInstant(state.originalEndsAt) })})`}
                  </span>
                ),
              },
            ]}
          />
        </Flex>
      </Flex>
      {(status === 'sold' || status === 'failed' || status === 'cancelled' || status === 'defaulted') && (
        <Alert
          style={{ marginTop: 12 }}
          type={status === 'sold' ? 'success' : 'info'}
          showIcon
          data-testid="auction-result"
          title={t(`trading.result.${status}`)}
        />
      )}
      {extension && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="extension-notice"
          title={extensionMinutes ? t('trading.extendedBy', { n: extensionMinutes }) : t('trading.extended')}
          description={t('trading.extendedDetail', {
            seq: extension.bySeq,
            window: windowMinutes ?? 5,
            time: formatInstant(extension.endsAt),
          })}
        />
      )}
      {!extension && extended && status !== 'upcoming' && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          data-testid="extension-notice"
          title={t('trading.wasExtended', { time: formatInstant(state.endsAt) })}
        />
      )}
    </Card>
  );
}
