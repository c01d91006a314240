import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { savedQueryToSearch } from '../../../lib/search-params';
import { useDeleteSavedSearch } from '../api/delete-saved-search';
import { useSavedSearches, type SavedSearch } from '../api/list-saved-searches';

/** A search opens its results; a match watch opens the watched record, whose page lists its matches. */
function linkOf(s: SavedSearch): string {
  if (s.target === 'matches_for_demand') return `/demands/${String(s.query.recordId)}`;
  if (s.target === 'matches_for_achievement') return `/achievements/${String(s.query.recordId)}`;
  return `/${s.target}${savedQueryToSearch(s.query)}`;
}

/** /workspace/saved-searches: the searches I keep, how I am told about new matches, and a link to run each again. */
export function SavedSearchesPage() {
  const t = useT();
  const { locale } = useLocale();
  const onProblem = useProblemHandler();
  const list = useSavedSearches();
  const remove = useDeleteSavedSearch();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.savedSearches')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('saved.intro')}</Typography.Paragraph>
      <Table<SavedSearch>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        data-testid="saved-searches"
        pagination={false}
        columns={[
          {
            title: t('saved.name'),
            dataIndex: 'name',
            render: (name: string, s) => <Link to={linkOf(s)}>{name}</Link>,
          },
          {
            title: t('saved.target'),
            dataIndex: 'target',
            width: 110,
            render: (target: SavedSearch['target']) => (
              <Tag>{t(target === 'achievements' || target === 'demands' ? `nav.${target}` : `saved.target.${target}`)}</Tag>
            ),
          },
          { title: t('saved.notify'), dataIndex: 'notify', width: 120, render: (n: SavedSearch['notify']) => t(`saved.notify.${n}`) },
          {
            title: t('saved.createdAt'),
            dataIndex: 'createdAt',
            width: 170,
            responsive: ['md'],
            render: (v: string) => formatDateTime(v, locale),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, s) => (
              <Popconfirm title={t('common.areYouSure')} onConfirm={() => remove.mutateAsync(s.id).catch(onProblem)}>
                <Button size="small" danger data-testid="delete-saved-search">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
