import { useMemo } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { HitCard } from '../../../components/catalog/HitCard';
import { SaveSearchButton } from '../../../components/catalog/SaveSearchButton';
import { SearchFrame } from '../../../components/catalog/SearchFrame';
import { useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { readSearchState, savedQuery, writeSearchState, type SearchState } from '../../../lib/search-params';
import { AchievementPrice, AchievementTags } from '../components/AchievementFacts';
import { useSaveAchievementSearch } from '../api/save-achievement-search';
import { useAchievementSearch } from '../api/search-achievements';

/** /achievements: the public catalogue of published achievements, searchable and faceted; the URL holds the search. */
export function AchievementsPage() {
  const t = useT();
  const me = useMe().data;
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);
  const search = useAchievementSearch(state);
  const save = useSaveAchievementSearch();
  const pages = search.data?.pages ?? [];
  const first = pages[0];
  const hits = pages.flatMap((p) => p.items);

  const onChange = (next: SearchState) => setParams(writeSearchState(next));

  return (
    <SearchFrame
      title={t('achievement.portalTitle')}
      state={state}
      onChange={onChange}
      facets={first?.facets}
      priceTitle={t('facet.price')}
      total={first?.total}
      approximate={first?.approximate}
      terms={first?.terms ?? []}
      loading={search.isPending}
      error={search.error}
      empty={!search.isPending && hits.length === 0}
      hasMore={!!search.hasNextPage}
      loadingMore={search.isFetchingNextPage}
      onLoadMore={() => void search.fetchNextPage()}
      extra={
        <>
          {me && (
            <SaveSearchButton
              defaultName={state.q || t('achievement.portalTitle')}
              pending={save.isPending}
              onSave={({ name, notify }) =>
                save.mutateAsync({ name, notify, query: savedQuery(state) }).then(
                  () => message.success(t('saved.saved')),
                  (e: unknown) => {
                    onProblem(e);
                    throw e;
                  },
                )
              }
            />
          )}
          {hasPermission(me, 'catalog:file') && (
            <Link to="/workspace/achievements/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="file-achievement">
                {t('achievement.file')}
              </Button>
            </Link>
          )}
        </>
      }
    >
      <Flex vertical gap={8} data-testid="result-list">
        {hits.map(({ record, highlight }) => (
          <HitCard
            key={record.id}
            to={`/achievements/${record.id}`}
            titleHtml={highlight.title}
            summaryHtml={highlight.summary}
            tags={<AchievementTags record={record} />}
            side={
              <Flex vertical gap={4} align="end">
                <Typography.Text strong style={{ color: '#cf1322' }}>
                  <AchievementPrice record={record} />
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {record.organization.name}
                </Typography.Text>
              </Flex>
            }
          />
        ))}
      </Flex>
    </SearchFrame>
  );
}
