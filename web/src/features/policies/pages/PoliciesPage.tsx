import { Card, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { POLICY_LEVEL_LABELS, type PolicySummary } from '../../../../../common/api/policies';
import { useT } from '../../../i18n/locale';
import { usePolicies } from '../api/list-policies';

export function PolicyItem({ p }: { p: PolicySummary }) {
  const t = useT();
  return (
    <List.Item data-testid="policy-item">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={p.level === 'national' ? 'red' : p.level === 'city' ? 'volcano' : 'orange'}>
            {POLICY_LEVEL_LABELS[p.level]}
            {p.regionName ? ` · ${p.regionName}` : ''}
          </Tag>
          <Link to={`/policies/${p.id}`}>
            <Typography.Text strong>{p.title}</Typography.Text>
          </Link>
          {p.smeOnly && <Tag color="purple">{t('policy.smeOnly')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {p.issuer}
          {p.documentNumber ? ` · ${p.documentNumber}` : ''} · {p.issuedOn}
        </Typography.Text>
        {p.summary && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {p.summary}
          </Typography.Paragraph>
        )}
        <Space wrap size={4}>
          {p.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      </Flex>
    </List.Item>
  );
}

/** /policies — the policy library, searchable in Chinese. */
export function PoliciesPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const list = usePolicies(q);
  return (
    <Card
      title={t('policy.listTitle')}
      extra={
        <Space>
          <Link to="/workspace/policies/match">{t('nav.policyMatch')}</Link>
        </Space>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('policy.searchPlaceholder')}
        onSearch={setQ}
        style={{ maxWidth: 480, marginBottom: 12 }}
        data-testid="policy-search"
      />
      {list.data && <Typography.Paragraph type="secondary">{t('policy.total', { n: list.data.total })}</Typography.Paragraph>}
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('policy.none') }}
        renderItem={(p) => <PolicyItem p={p} />}
      />
    </Card>
  );
}
