import { Tag } from 'antd';
import type {
  AuctionStatus,
  DealStatus,
  DepositStatus,
  IntentStatus,
  ListingStatus,
  NoticeStatus,
  ObjectionStatus,
  RegistrationStatus,
  TradeRoute,
} from '../../../../../common/api/trading';
import { TRADE_ROUTE_LABELS } from '../../../../../common/api/trading';
import { useLabel, useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/zh-CN';

type Kinds = {
  listing: ListingStatus;
  intent: IntentStatus;
  auction: AuctionStatus;
  registration: RegistrationStatus;
  deposit: DepositStatus;
  notice: NoticeStatus;
  objection: ObjectionStatus;
  deal: DealStatus;
};

const COLORS: Record<string, string> = {
  open: 'processing',
  live: 'red',
  upcoming: 'blue',
  posted: 'processing',
  pending: 'gold',
  unpaid: 'gold',
  pending_payment: 'gold',
  awaiting_resolution: 'orange',
  answered: 'cyan',
  ended: 'orange',
  qualified: 'green',
  confirmed: 'green',
  sold: 'green',
  concluded: 'green',
  completed: 'green',
  applied: 'green',
  dismissed: 'default',
  refund_due: 'purple',
  refunded: 'default',
  upheld: 'red',
  voided: 'red',
  rejected: 'red',
  forfeited: 'red',
  defaulted: 'red',
  failed: 'default',
  lapsed: 'default',
  converted: 'purple',
  cancelled: 'default',
  withdrawn: 'default',
  expired: 'default',
};

/** The status of any trading record, in words, coloured by what it means for the reader. */
export function StatusTag<K extends keyof Kinds>({ kind, status }: { kind: K; status: Kinds[K] }) {
  const t = useT();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={`${kind}-status`} data-status={status}>
      {t(`trading.${kind}.${status}` as MessageKey)}
    </Tag>
  );
}

export function RouteTag({ route }: { route: TradeRoute }) {
  const label = useLabel();
  return <Tag color="geekblue">{label(TRADE_ROUTE_LABELS[route], route)}</Tag>;
}
