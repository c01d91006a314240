import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { ProgrammeView } from '../../../../../common/api/subsidies';
import { useT } from '../../../i18n/locale';
import { useProgrammes } from '../api/programmes';

/** /subsidies — programmes paid on registered technology contracts (public). */
export function ProgrammesPage() {
  const t = useT();
  const list = useProgrammes();
  return (
    <Card title={t('subsidy.programmes')}>
      <Table<ProgrammeView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="programme-list"
        columns={[
          { title: '项目', dataIndex: 'name', render: (n: string, r) => <Link to={`/subsidies/${r.id}`}>{n}</Link> },
          { title: '发布单位', dataIndex: 'issuer' },
          { title: t('subsidy.year'), dataIndex: 'year' },
          {
            title: t('subsidy.window'),
            render: (_, r) => (
              <>
                {r.opensOn} 至 {r.closesOn} {r.open && <Tag color="green">申报中</Tag>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
