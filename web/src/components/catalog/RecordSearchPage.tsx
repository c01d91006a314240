import type { ReactNode } from 'react';
import { App, Flex, Typography } from 'antd';
import type { z } from 'zod';
import type { Facets } from '../../../../common/api/search';
import { useT } from '../../i18n/locale';
import { hasPermission, useMe } from '../../lib/auth';
import { useProblemHandler } from '../../lib/problems';
import { savedQuery, useUrlSearchState, type FacetKey, type SearchState } from '../../lib/search-params';
import { FileRecordButton } from './FileRecordButton';
import { HitCard } from './HitCard';
import { SaveSearchButton, type Notify } from './SaveSearchButton';
import { SearchFrame } from './SearchFrame';

interface SearchPage<R> {
  items: { record: R; highlight: { title: string; summary: string } }[];
  total: number;
  facets: z.infer<typeof Facets> | null;
  terms: string[];
  approximate: boolean;
  match?: { relaxed: boolean; suggestion: string | null };
}

interface Props<R extends { id: string; organization: { name: string } }> {
  /** The public list, e.g. `/achievements`; a hit opens `${basePath}/:id`, filing is at `/workspace${basePath}/new`. */
  basePath: string;
  title: string;
  priceTitle: string;
  facetKeys?: readonly FacetKey[];
  /** The kind's API hooks: the search, page after page; keeping a search. */
  useSearch: (state: SearchState) => {
    data?: { pages: SearchPage<R>[] };
    isPending: boolean;
    error: Error | null;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  useSave: () => {
    isPending: boolean;
    mutateAsync: (body: { name: string; notify: Notify; query: Record<string, unknown> }) => Promise<unknown>;
  };
  fileLabel: string;
  fileTestId: string;
  renderTags: (record: R) => ReactNode;
  /** The price or budget a hit shows on its right. */
  renderPrice: (record: R) => ReactNode;
}

/** The public catalogue of published achievements or demands, searchable and faceted; the URL holds the search. */
export function RecordSearchPage<R extends { id: string; organization: { name: string } }>(props: Props<R>) {
  const t = useT();
  const [state, onChange] = useUrlSearchState();
  const search = props.useSearch(state);
  const save = props.useSave();
  const me = useMe().data;
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const pages = search.data?.pages ?? [];
  const first = pages[0];
  const hits = pages.flatMap((p) => p.items);

  return (
    <SearchFrame
      title={props.title}
      state={state}
      onChange={onChange}
      facets={first?.facets}
      priceTitle={props.priceTitle}
      facetKeys={props.facetKeys}
      total={first?.total}
      approximate={first?.approximate}
      match={first?.match}
      kind={props.basePath.startsWith('/demands') ? 'demand' : 'achievement'}
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
              defaultName={state.q || props.title}
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
            <FileRecordButton to={`/workspace${props.basePath}/new`} label={props.fileLabel} testId={props.fileTestId} />
          )}
        </>
      }
    >
      <Flex vertical gap={8} data-testid="result-list">
        {hits.map(({ record, highlight }) => (
          <HitCard
            key={record.id}
            to={`${props.basePath}/${record.id}`}
            titleHtml={highlight.title}
            summaryHtml={highlight.summary}
            tags={props.renderTags(record)}
            side={
              <Flex vertical gap={4} align="end">
                <Typography.Text strong style={{ color: '#cf1322' }}>
                  {props.renderPrice(record)}
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
