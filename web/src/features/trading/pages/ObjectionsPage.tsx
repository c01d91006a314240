import { useState } from 'react';
import { Card, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import type { ObjectionStatus } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useObjections } from '../api/list-objections';
import { ObjectionList } from '../components/ObjectionList';

const PAGE_SIZE = 20;
const FILTERS = ['unresolved', 'upheld', 'dismissed', 'all'] as const;

/** /workspace/trading/objections — objections to agreement notices in the official's region, to resolve. */
export function ObjectionsPage() {
  const t = useT();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('unresolved');
  const [page, setPage] = useState(1);
  const list = useObjections({
    status: filter === 'all' ? undefined : (filter as ObjectionStatus | 'unresolved'),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.objections')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('trading.objectionsHint')}</Typography.Paragraph>
      <Segmented
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={FILTERS.map((f) => ({ value: f, label: t(`trading.objectionFilter.${f}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="objection-filter"
      />
      {list.isPending ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <ObjectionList objections={list.data?.items ?? []} showNotice />
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={setPage}
            hideOnSinglePage
            showTotal={(total) => t('common.total', { total })}
          />
        </Flex>
      )}
    </Card>
  );
}
