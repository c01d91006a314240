import { Card, Space, Table } from 'antd';
import { Link } from 'react-router';
import { DISTRIBUTION_ROUTE_LABELS, type DistributionView } from '../../../../../common/api/distributions';
import { useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { formatWan } from '../../../lib/money';
import { useDistributions } from '../api/list-distributions';
import { DistributionStatusTag } from '../components/DisclosureStatusTag';

/** /workspace/distributions — income distributions of my organisation (TTO), or naming me as inventor. */
export function DistributionsPage() {
  const t = useT();
  const list = useDistributions();
  const me = useMe();
  return (
    <Card
      title={t('tto.distributions')}
      extra={
        <Space>
          {hasPermission(me.data, 'distribution:manage') && (
            <Link to="/workspace/distributions/new" data-testid="distribution-new">
              {t('tto.newDistribution')}
            </Link>
          )}
          <Link to="/tools/distribution-calculator">{t('tto.calculator')}</Link>
        </Space>
      }
    >
      <Table<DistributionView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('tto.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        data-testid="distribution-list"
        columns={[
          {
            title: t('tto.source'),
            dataIndex: 'sourceTitle',
            render: (s: string, r) => <Link to={`/workspace/distributions/${r.id}`}>{s}</Link>,
          },
          { title: t('tto.route'), dataIndex: 'route', render: (r: DistributionView['route']) => DISTRIBUTION_ROUTE_LABELS[r] },
          { title: t('tto.netIncome'), dataIndex: 'netIncomeFen', render: (f: number) => formatWan(f) },
          { title: t('tto.teamShare'), key: 'share', render: (_, r) => `${formatWan(r.teamShareFen)}（${r.teamSharePct}%）` },
          { title: t('tto.status'), dataIndex: 'status', render: (s: DistributionView['status']) => <DistributionStatusTag status={s} /> },
        ]}
      />
    </Card>
  );
}
