import { Card, Table, Tag } from 'antd';
import { FINANCING_STAGE_LABELS, type InvestorView } from '../../../../../common/api/finance';
import { formatFen } from '../../../../../common/subsidies';
import { useT } from '../../../i18n/locale';
import { useInvestors } from '../api/list-investors';

/** /investors — investment institutions and banks with their preferences (public). */
export function InvestorsPage() {
  const t = useT();
  const list = useInvestors();
  return (
    <Card title={t('finance.investors')}>
      <Table<InvestorView>
        rowKey="organizationId"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="investor-list"
        columns={[
          {
            title: '机构',
            dataIndex: 'name',
            render: (name: string, r) => (
              <>
                {name} {r.type === 'financial_institution' && <Tag color="blue">银行</Tag>}
              </>
            ),
          },
          {
            title: t('finance.stages'),
            dataIndex: 'stages',
            render: (s: InvestorView['stages']) => s.map((x) => <Tag key={x}>{FINANCING_STAGE_LABELS[x]}</Tag>),
          },
          { title: t('finance.ticket'), render: (_, r) => `${formatFen(r.ticketMinFen)} – ${formatFen(r.ticketMaxFen)}` },
          { title: t('finance.fields'), dataIndex: 'fieldCodes', render: (f: string[]) => (f.length ? f.join('、') : '不限') },
          { title: t('finance.trl'), render: (_, r) => `TRL ${r.trlMin}–${r.trlMax}` },
          { title: '说明', dataIndex: 'description', ellipsis: true },
        ]}
      />
    </Card>
  );
}
