import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { OrganizationView } from '../../../../../common/api/organizations';
import {
  ORGANIZATION_STATUSES,
  ORGANIZATION_TYPES,
  ORGANIZATION_TYPE_LABELS,
  type OrganizationStatus,
  type OrganizationType,
} from '../../../../../common/roles';
import { OrganizationStatusTag } from '../../../components/OrganizationStatusTag';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { ReviewOrganizationModal } from '../components/ReviewOrganizationModal';
import { useOrganizations } from '../api/list-organizations';
import type { ReviewDecision } from '../api/review-organization';

const PAGE_SIZE = 20;
const DECISIONS: readonly ReviewDecision[] = ['approve', 'reject', 'suspend', 'reactivate'];

export function AdminOrganizationsPage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  // Pending first: reviewing them is why most people open this page.
  const [status, setStatus] = useState<OrganizationStatus | undefined>('pending');
  const [type, setType] = useState<OrganizationType | undefined>();
  const [q, setQ] = useState<string>('');
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<{ organization: OrganizationView; decision: ReviewDecision } | null>(null);

  const organizations = useOrganizations({ status, type, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const columns: TableColumnsType<OrganizationView> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <Space orientation="vertical" size={0}>
          <span>{name}</span>
          {o.statusReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.statusReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('org.type'), dataIndex: 'type', render: (v: OrganizationType) => label(ORGANIZATION_TYPE_LABELS[v], v) },
    { title: t('org.creditCode'), dataIndex: 'creditCode', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('org.region'), dataIndex: 'regionName' },
    { title: t('org.status'), dataIndex: 'status', render: (v: string) => <OrganizationStatusTag status={v} /> },
    { title: t('org.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, organization) => (
        <Space size={4} wrap>
          {DECISIONS.filter((d) => organization.actions.includes(d)).map((decision) => (
            <Button
              key={decision}
              size="small"
              type={decision === 'approve' ? 'primary' : 'default'}
              danger={decision === 'reject' || decision === 'suspend'}
              onClick={() => setTarget({ organization, decision })}
              data-testid={`org-${decision}`}
            >
              {t(`adminOrgs.${decision}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('adminOrgs.title')}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<OrganizationStatus | 'all'>
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          style={{ width: 140 }}
          options={[{ value: 'all', label: t('common.all') }, ...ORGANIZATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <Select<OrganizationType>
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          allowClear
          placeholder={t('org.type')}
          style={{ width: 180 }}
          options={ORGANIZATION_TYPES.map((v) => ({ value: v, label: label(ORGANIZATION_TYPE_LABELS[v]) }))}
        />
        <Input.Search
          placeholder={t('adminOrgs.search')}
          allowClear
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      </Flex>
      <Table<OrganizationView>
        rowKey="id"
        columns={columns}
        dataSource={organizations.data?.items}
        loading={organizations.isFetching}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: organizations.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
        scroll={{ x: 'max-content' }}
      />
      <ReviewOrganizationModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
