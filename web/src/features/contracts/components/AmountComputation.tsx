import { Alert, Flex, Table, Typography } from 'antd';
import {
  COST_ITEM_KIND_LABELS,
  DEDUCTED_COST_KINDS,
  formatYuan,
  type AmountIssue,
  type Amounts,
  type CostItemKind,
} from '../../../../../common/contracts';
import { useLabel, useT } from '../../../i18n/locale';
import { yuan } from './money';

interface CostLine {
  kind: CostItemKind;
  description?: string;
  amountFen: number;
  note?: string;
}

interface Props {
  amounts: Amounts;
  items: readonly CostLine[];
  adjustmentReason?: string | null;
  issues?: readonly AmountIssue[];
  /** Prefix of the figures' test ids, e.g. `form` → `form-tta`. */
  testId?: string;
}

interface Line {
  key: string;
  label: React.ReactNode;
  sign: '' | '−' | '+' | '=' | '·';
  fen: number;
  strong?: boolean;
  muted?: boolean;
  testId?: string;
}

/**
 * 技术交易额 worked out line by line: the contract amount, each deducted non-technical cost, the
 * technical carriers (itemised, not deducted), the computed amount, the registrar's adjustment and
 * the registered amount. The same arithmetic as the server (common/contracts.ts computeAmounts).
 */
export function AmountComputation({ amounts, items, adjustmentReason, issues = [], testId = 'amounts' }: Props) {
  const t = useT();
  const label = useLabel();
  const lines: Line[] = [
    {
      key: 'contract',
      label: t('contract.contractAmount'),
      sign: '',
      fen: amounts.contractAmountFen,
      strong: true,
      testId: `${testId}-contract`,
    },
  ];
  items.forEach((item, i) => {
    const deducted = DEDUCTED_COST_KINDS.includes(item.kind);
    const name = (
      <Flex vertical gap={0}>
        <span>
          {label(COST_ITEM_KIND_LABELS[item.kind], item.kind)}
          {item.description ? `：${item.description}` : ''}
        </span>
        {item.note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.note}
          </Typography.Text>
        )}
      </Flex>
    );
    lines.push({ key: `item-${i}`, label: name, sign: deducted ? '−' : '·', fen: item.amountFen || 0, muted: !deducted });
  });
  lines.push({
    key: 'computed',
    label: t('contract.computedTta'),
    sign: '=',
    fen: amounts.computedTechnologyTransactionAmountFen,
    testId: `${testId}-computed`,
  });
  if (amounts.adjustmentFen !== 0) {
    lines.push({
      key: 'adjustment',
      label: (
        <Flex vertical gap={0}>
          <span>{t('contract.adjustment')}</span>
          {adjustmentReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {adjustmentReason}
            </Typography.Text>
          )}
        </Flex>
      ),
      sign: amounts.adjustmentFen < 0 ? '−' : '+',
      fen: Math.abs(amounts.adjustmentFen),
    });
  }
  lines.push({
    key: 'tta',
    label: t('contract.tta'),
    sign: '=',
    fen: amounts.technologyTransactionAmountFen,
    strong: true,
    testId: `${testId}-tta`,
  });

  return (
    <Flex vertical gap={8}>
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        showHeader={false}
        dataSource={lines}
        data-testid={testId}
        columns={[
          {
            key: 'sign',
            width: 28,
            render: (_, l) => <Typography.Text type={l.muted ? 'secondary' : undefined}>{l.sign}</Typography.Text>,
          },
          {
            key: 'label',
            render: (_, l) => (
              <Typography.Text strong={l.strong} type={l.muted ? 'secondary' : undefined}>
                {l.label}
                {l.muted ? ` ${t('contract.notDeducted')}` : ''}
              </Typography.Text>
            ),
          },
          {
            key: 'fen',
            align: 'right',
            render: (_, l) => (
              <Typography.Text
                strong={l.strong}
                type={l.muted ? 'secondary' : undefined}
                data-testid={l.testId}
                style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
              >
                {yuan(l.fen)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {amounts.technicalCarrierFen > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contract.carrierHelp', { amount: formatYuan(amounts.technicalCarrierFen) })}
        </Typography.Text>
      )}
      {issues.map((issue, i) => (
        <Alert key={i} type="error" showIcon title={issue.message} />
      ))}
    </Flex>
  );
}
