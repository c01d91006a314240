import { Card, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { FINANCING_STAGE_LABELS, INSTRUMENT_LABELS, type FinancingRequestView } from '../../../../../common/api/finance';
import { formatFen } from '../../../../../common/subsidies';
import { useT } from '../../../i18n/locale';
import { useFinancingRequests } from '../api/list-financing-requests';

const LAST_YEAR = new Date().getFullYear() - 1;

/** /workspace/financing — open financing requests (融资需求), optionally only tech SMEs of last year. */
export function FinancingRequestsPage() {
  const t = useT();
  const [smeOnly, setSmeOnly] = useState(false);
  const list = useFinancingRequests(smeOnly ? LAST_YEAR : null);
  return (
    <Card
      title={t('finance.requests')}
      extra={
        <span>
          {t('finance.smeOnly')}（{LAST_YEAR}） <Switch checked={smeOnly} onChange={setSmeOnly} />
        </span>
      }
    >
      <Table<FinancingRequestView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: '项目', dataIndex: 'title' },
          { title: '单位', render: (_, r) => r.organization.name },
          { title: t('finance.amount'), dataIndex: 'amountFen', render: (f: number) => formatFen(f) },
          { title: t('finance.stage'), dataIndex: 'stage', render: (s: FinancingRequestView['stage']) => FINANCING_STAGE_LABELS[s] },
          {
            title: t('finance.instrument'),
            dataIndex: 'instrument',
            render: (s: FinancingRequestView['instrument']) => INSTRUMENT_LABELS[s],
          },
          {
            title: '科技型中小企业',
            dataIndex: 'smeQualifiedYears',
            render: (y: number[]) =>
              y.map((x) => (
                <Tag color="green" key={x}>
                  {x}
                </Tag>
              )),
          },
          { title: t('finance.interests'), dataIndex: 'interestCount' },
        ]}
      />
    </Card>
  );
}
