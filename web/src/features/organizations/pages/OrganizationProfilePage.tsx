import { useState } from 'react';
import { Card, Empty, Flex, Segmented, Skeleton } from 'antd';
import { useT } from '../../../i18n/locale';
import { MemberList } from '../components/MemberList';
import { OrganizationDetails } from '../components/OrganizationDetails';
import { useMyOrganizations } from '../api/get-my-organizations';

export function OrganizationProfilePage() {
  const t = useT();
  const organizations = useMyOrganizations();
  const [selectedId, setSelectedId] = useState<string | null>(null);

  if (organizations.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const items = organizations.data?.items ?? [];
  if (items.length === 0)
    return (
      <Card title={t('org.title')}>
        <Empty description={t('org.none')} />
      </Card>
    );

  const organization = items.find((o) => o.id === selectedId) ?? items[0]!;

  return (
    <Flex vertical gap={16}>
      {items.length > 1 && (
        <Segmented
          value={organization.id}
          onChange={(value) => setSelectedId(String(value))}
          options={items.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      <Card title={t('org.title')}>
        <OrganizationDetails organization={organization} />
      </Card>
      <MemberList key={organization.id} organization={organization} />
    </Flex>
  );
}
