import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BROKER_TIER_LABELS, BROKER_TIERS, type BrokerSummary, type BrokerTier } from '../../../../../common/api/brokers';
import { useLocale, useT } from '../../../i18n/locale';
import { formatWan } from '../../../lib/money';
import { useBrokers } from '../api/list-brokers';

/** /brokers — the broker and manager directory, ranked by registered contract amount. */
export function BrokersPage() {
  const t = useT();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [tier, setTier] = useState<BrokerTier | undefined>();
  const list = useBrokers({ q: q || undefined, tier });
  const tierLabel = (x: BrokerTier | null) => (x ? BROKER_TIER_LABELS[x][locale === 'en' ? 'en' : 'zh'] : t('broker.noTier'));
  return (
    <Card>
      <Typography.Title level={3}>{t('broker.directoryTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('broker.directorySubtitle')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search allowClear placeholder={t('broker.name')} onSearch={setQ} style={{ width: 240 }} />
        <Select
          allowClear
          placeholder={t('broker.allTiers')}
          style={{ width: 200 }}
          value={tier}
          onChange={setTier}
          options={BROKER_TIERS.map((x) => ({ value: x, label: tierLabel(x) }))}
        />
      </Space>
      <Table<BrokerSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('broker.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        data-testid="broker-list"
        columns={[
          { title: t('broker.rank'), dataIndex: 'rank', width: 70 },
          { title: t('broker.name'), dataIndex: 'name', render: (n: string, r) => <Link to={`/brokers/${r.id}`}>{n}</Link> },
          {
            title: t('broker.tier'),
            dataIndex: 'tier',
            render: (x: BrokerTier | null) => <Tag color={x ? 'blue' : 'default'}>{tierLabel(x)}</Tag>,
          },
          {
            title: t('broker.employer'),
            dataIndex: 'employer',
            render: (e: BrokerSummary['employer']) => (e ? <Link to={`/institutions/${e.id}`}>{e.name}</Link> : '—'),
          },
          { title: t('broker.contracts'), key: 'contracts', render: (_, r) => r.trackRecord.contracts },
          { title: t('broker.amount'), key: 'amount', render: (_, r) => formatWan(r.trackRecord.contractAmountFen) },
          { title: t('broker.specialties'), dataIndex: 'specialties' },
        ]}
      />
    </Card>
  );
}
