import { Progress, Table, Typography } from 'antd';
import type { z } from 'zod';
import { STAT_MEASURE_LABELS, type RegionRow, type StatMeasure } from '../../../../../common/api/statistics';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatBigYuan, formatCount } from './format';

type Row = z.infer<typeof RegionRow>;

/** The map's figures as a table (the exact numbers); a drillable row opens its region. */
export function RegionTable({
  rows,
  measure,
  onSelect,
  loading,
}: {
  rows: Row[];
  measure: StatMeasure;
  onSelect: (code: string) => void;
  loading?: boolean;
}) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const sorted = [...rows].sort((a, b) => b[measure] - a[measure]);
  const total = rows.reduce((s, r) => s + r[measure], 0);
  return (
    <Table<Row>
      size="small"
      rowKey="code"
      loading={loading}
      dataSource={sorted}
      pagination={false}
      scroll={{ y: 400 }}
      data-testid="region-table"
      onRow={(r) =>
        ({
          onClick: () => r.drillable && onSelect(r.code),
          style: { cursor: r.drillable ? 'pointer' : undefined },
          'data-testid': `region-row-${r.code}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('stat.region'),
          dataIndex: 'name',
          render: (name: string, r) => (r.drillable ? <Typography.Link>{name}</Typography.Link> : name),
        },
        {
          title: label(STAT_MEASURE_LABELS.contracts),
          dataIndex: 'contracts',
          align: 'right',
          width: 80,
          render: (n: number) => <span data-testid="region-contracts">{formatCount(n, locale)}</span>,
        },
        {
          title: label(STAT_MEASURE_LABELS[measure === 'contracts' ? 'contractAmountFen' : measure]),
          key: 'amount',
          align: 'right',
          width: 140,
          render: (_, r) => (
            <span data-testid="region-amount">{formatBigYuan(r[measure === 'contracts' ? 'contractAmountFen' : measure], locale)}</span>
          ),
        },
        {
          title: t('stat.share'),
          key: 'share',
          width: 90,
          render: (_, r) => <Progress percent={total > 0 ? Math.round((100 * r[measure]) / total) : 0} size="small" showInfo={false} />,
        },
      ]}
    />
  );
}
