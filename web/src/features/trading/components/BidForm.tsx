import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Modal, Space, Typography } from 'antd';
import { amountInChineseCapitals } from '../../../../../common/amount-in-words';
import type { AuctionLiveState, BidResult } from '../../../../../common/api/trading';
import { OrganizationPicker } from '../../../components/catalog/OrganizationPicker';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useProblemHandler } from '../../../lib/problems';
import { usePlaceBid } from '../api/place-bid';
import { formatYuan, YuanInput } from './money';

const QUICK = [1, 2, 5] as const;
/** Set for the browser session once the bidder asks not to confirm each amount again. */
const SKIP_CONFIRM = 'jq.bid.skipConfirm';
const skipping = () => {
  try {
    return sessionStorage.getItem(SKIP_CONFIRM) === '1';
  } catch {
    return false;
  }
};

type BidValues = { amountFen: number | null; organizationId?: string };

interface Props {
  auctionId: string;
  state: AuctionLiveState;
  /** Bidding is open by the server's clock and the server said the caller may bid. */
  enabled: boolean;
  /** The caller's 竞买人编号, to tell leading from outbid. */
  myNumber: string | null;
  onPlaced: (result: BidResult) => void;
}

/**
 * The bid form: an amount in 元 (sent in fen), quick buttons for one, two or five increments above
 * the current price, and one button that places the bid. Each bid carries an Idempotency-Key, so a
 * retry after a lost answer cannot bid twice. Before a bid is sent the bidder confirms the amount
 * (also in Chinese capitals), unless they chose to skip that for the rest of the browser session.
 */
export function BidForm({ auctionId, state, enabled, myNumber, onPlaced }: Props) {
  const t = useT();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<BidValues>();
  const [pending, setPending] = useState<BidValues | null>(null);
  const [skipNext, setSkipNext] = useState(false);
  const bid = usePlaceBid(auctionId);
  const [accepted, setAccepted] = useState<{ amountFen: number; seq: number } | null>(null);
  const amount = Form.useWatch('amountFen', form);
  const step = (n: number) => state.minimumBidFen + (n - 1) * state.incrementFen;

  // The minimum moves with every bid: an amount that fell below it is raised to it.
  useEffect(() => {
    const current = form.getFieldValue('amountFen') as number | null | undefined;
    if (current == null || current < state.minimumBidFen) form.setFieldValue('amountFen', state.minimumBidFen);
  }, [form, state.minimumBidFen]);

  const confirmFirst = (values: BidValues) => {
    if (values.amountFen == null) return;
    if (skipping()) void submit(values);
    else setPending(values);
  };
  const confirmed = () => {
    if (skipNext) {
      try {
        sessionStorage.setItem(SKIP_CONFIRM, '1');
      } catch {
        /* storage refused: the bidder is asked again next time */
      }
    }
    const values = pending;
    setPending(null);
    if (values) void submit(values);
  };

  const submit = async ({ amountFen, organizationId }: BidValues) => {
    if (amountFen == null) return;
    setAccepted(null);
    try {
      const result = await bid.mutateAsync({ amountFen, organizationId });
      setAccepted({ amountFen: result.bid.amountFen, seq: result.bid.seq });
      onPlaced(result);
    } catch (e) {
      // A refused bid (409 on amountFen: outbid meanwhile, closed…) lands beside the amount.
      if (isApiProblem(e) && e.status === 409 && !e.problem.errors?.length)
        form.setFields([{ name: 'amountFen', errors: [e.problem.detail ?? e.problem.title] }]);
      else onProblem(e, form);
    }
  };

  return (
    <Card title={t('trading.placeBid')} data-testid="bid-form">
      <Form form={form} layout="vertical" onFinish={confirmFirst} disabled={!enabled} initialValues={{ amountFen: state.minimumBidFen }}>
        <Typography.Paragraph type="secondary">
          {t('trading.minimumBid')}{' '}
          <Typography.Text strong data-testid="minimum-bid">
            {formatYuan(state.minimumBidFen)}
          </Typography.Text>{' '}
          · {t('trading.increment')} {formatYuan(state.incrementFen)}
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          {QUICK.map((n) => (
            <Button key={n} onClick={() => form.setFields([{ name: 'amountFen', value: step(n), errors: [] }])} data-testid={`quick-${n}`}>
              {t('trading.quickIncrement', { n })} {formatYuan(step(n))}
            </Button>
          ))}
        </Space>
        <Form.Item name="amountFen" label={t('trading.bidAmount')} rules={[{ required: true, message: t('common.required') }]}>
          <YuanInput testId="bid-amount" />
        </Form.Item>
        <OrganizationPicker />
        <Flex gap={8} align="center" wrap>
          <Button type="primary" htmlType="submit" size="large" danger loading={bid.isPending} data-testid="bid-submit">
            {t('trading.bidButton', { amount: formatYuan(amount ?? state.minimumBidFen) })}
          </Button>
          {accepted && state.leaderNumber === myNumber && (
            <Alert
              type="success"
              showIcon
              title={t('trading.bidAccepted', { amount: formatYuan(accepted.amountFen) })}
              data-testid="bid-accepted"
            />
          )}
          {accepted && state.leaderNumber !== myNumber && (
            <Alert type="warning" showIcon title={t('trading.outbid')} data-testid="outbid" />
          )}
        </Flex>
      </Form>
      <Modal
        open={pending !== null}
        title={t('trading.confirmBidTitle')}
        okText={t('trading.confirmBidOk')}
        okButtonProps={{ danger: true, 'data-testid': 'bid-confirm' } as React.ComponentProps<typeof Button>}
        onOk={confirmed}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        {pending?.amountFen != null && (
          <Typography.Paragraph data-testid="bid-confirm-amount">
            {t('trading.confirmBidText', {
              amount: formatYuan(pending.amountFen),
              words: amountInChineseCapitals(pending.amountFen),
            })}
          </Typography.Paragraph>
        )}
        <Checkbox checked={skipNext} onChange={(e) => setSkipNext(e.target.checked)} data-testid="bid-skip-confirm">
          {t('trading.skipBidConfirm')}
        </Checkbox>
      </Modal>
    </Card>
  );
}
