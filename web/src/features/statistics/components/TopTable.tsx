import { Table, Tag } from 'antd';
import type { z } from 'zod';
import { STAT_MEASURE_LABELS, type TopRow, type TopView } from '../../../../../common/api/statistics';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../../../../../common/roles';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatBigYuan, formatCount } from './format';

type Row = z.infer<typeof TopRow>;

/** The ranking of organisations (sellers on the output side, buyers on the absorption side) or brokers. */
export function TopTable({ view, loading, testId }: { view: TopView | undefined; loading?: boolean; testId?: string }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.rank}-${r.key}`}
      loading={loading}
      dataSource={view?.rows}
      pagination={false}
      data-testid={testId}
      locale={{ emptyText: t('stat.noData') }}
      columns={[
        { title: '#', dataIndex: 'rank', width: 44 },
        {
          title: view?.kind === 'broker' ? t('stat.broker') : t('stat.organization'),
          dataIndex: 'name',
          render: (name: string, r) => (
            <span>
              {name}
              {r.organizationType && (
                <Tag variant="filled" style={{ marginInlineStart: 6, fontSize: 11 }}>
                  {label(ORGANIZATION_TYPE_LABELS[r.organizationType as OrganizationType], r.organizationType)}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('stat.region'), key: 'region', width: 110, responsive: ['xxl'], render: (_, r) => r.region?.name ?? '—' },
        {
          title: label(STAT_MEASURE_LABELS.contracts),
          dataIndex: 'contracts',
          width: 64,
          align: 'right',
          render: (n: number) => formatCount(n, locale),
        },
        {
          title: label(STAT_MEASURE_LABELS.contractAmountFen),
          dataIndex: 'contractAmountFen',
          width: 120,
          align: 'right',
          render: (n: number) => formatBigYuan(n, locale),
        },
        {
          title: label(STAT_MEASURE_LABELS.technologyTransactionAmountFen),
          dataIndex: 'technologyTransactionAmountFen',
          width: 120,
          align: 'right',
          responsive: ['md'],
          render: (n: number) => formatBigYuan(n, locale),
        },
      ]}
    />
  );
}
