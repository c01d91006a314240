import type { ReactNode } from 'react';
import { useState } from 'react';
import { Alert, Badge, Button, Card, Col, Drawer, Empty, Flex, Grid, Row, Select, Skeleton, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { Facets } from '../../../../common/api/search';
import { useT } from '../../i18n/locale';
import { FACET_KEYS, SORTS, type FacetKey, type SearchState, type Sort } from '../../lib/search-params';
import { FacetPanel } from './FacetPanel';
import { SearchBox } from './SearchBox';

interface Props {
  title: string;
  state: SearchState;
  onChange: (next: SearchState) => void;
  facets: z.infer<typeof Facets> | null | undefined;
  facetKeys?: readonly FacetKey[];
  priceTitle?: string;
  total: number | undefined;
  /** A broad query: counts cover only the newest matches (the API's `approximate`). */
  approximate?: boolean;
  terms: readonly string[];
  /** How the text matched (the API's `match`): a relaxed match is said, with the fuller term to search instead. */
  match?: { relaxed: boolean; suggestion: string | null };
  /** Whose keywords the search box suggests. */
  kind?: 'achievement' | 'demand';
  loading: boolean;
  error: Error | null;
  empty: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Buttons beside the sort select (save search, file new). */
  extra?: ReactNode;
  children: ReactNode;
}

/** The result page shared by achievements and demands: search box, facets on the left, hits and "load more" on the right. */
export function SearchFrame(props: Props) {
  const t = useT();
  const { state, onChange } = props;
  const setFilter = (key: FacetKey, values: string[]) => onChange({ ...state, filters: { ...state.filters, [key]: values } });
  const anyFilter = FACET_KEYS.some((k) => state.filters[k].length > 0);
  const chosen = FACET_KEYS.reduce((n, k) => n + state.filters[k].length, 0);
  // On a phone the filters wait in a drawer, so the results come first.
  const narrow = !Grid.useBreakpoint().md;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filters = (
    <Flex vertical gap={8}>
      <FacetPanel
        facets={props.facets}
        selected={state.filters}
        onChange={setFilter}
        only={props.facetKeys}
        priceTitle={props.priceTitle}
      />
      {anyFilter && (
        <Button
          onClick={() =>
            onChange({ ...state, filters: Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as SearchState['filters'] })
          }
          data-testid="facets-clear"
        >
          {t('facet.clear')}
        </Button>
      )}
    </Flex>
  );
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {props.title}
        </Typography.Title>
        <SearchBox
          value={state.q}
          onSearch={(q) => onChange({ ...state, q })}
          size="large"
          kind={props.kind}
          placeholder={props.kind === 'demand' ? t('search.placeholderDemands') : t('search.placeholder')}
        />
      </Card>
      <Row gutter={[16, 16]}>
        {narrow ? (
          <Drawer
            title={t('search.filters')}
            placement="bottom"
            size="80%"
            open={filtersOpen}
            onClose={() => setFiltersOpen(false)}
            data-testid="filters-drawer"
          >
            {filters}
          </Drawer>
        ) : (
          <Col xs={24} md={7} lg={6}>
            {filters}
          </Col>
        )}
        <Col xs={24} md={17} lg={18}>
          <Flex vertical gap={12}>
            {props.match?.relaxed && (
              <Alert
                type="info"
                showIcon
                data-testid="search-relaxed"
                title={
                  <>
                    {t('search.relaxed')}
                    {props.match.suggestion && (
                      <>
                        {' '}
                        {t('search.didYouMean')}
                        <Typography.Link
                          data-testid="search-suggestion"
                          onClick={() => onChange({ ...state, q: props.match!.suggestion! })}
                        >
                          {props.match.suggestion}
                        </Typography.Link>
                      </>
                    )}
                  </>
                }
              />
            )}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary" data-testid="search-total">
                {props.total !== undefined && t('common.total', { total: props.total })}
                {props.approximate && ` · ${t('search.approximate')}`}
                {props.terms.length > 0 && ` · ${t('search.terms', { terms: props.terms.join(' ') })}`}
              </Typography.Text>
              <Flex gap={8} wrap align="center">
                {narrow && (
                  <Badge count={chosen} size="small">
                    <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} data-testid="filters-open">
                      {t('search.filters')}
                    </Button>
                  </Badge>
                )}
                {props.extra}
                <Select<Sort>
                  value={state.sort}
                  onChange={(sort) => onChange({ ...state, sort })}
                  options={SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
                  style={{ width: 150 }}
                  data-testid="sort-select"
                />
              </Flex>
            </Flex>
            {props.error && <Alert type="error" showIcon title={props.error.message} />}
            {props.loading ? (
              <Card>
                <Skeleton active />
              </Card>
            ) : props.empty ? (
              <Card>
                <Empty description={t('search.empty')} />
              </Card>
            ) : (
              props.children
            )}
            {props.hasMore && (
              <Button block onClick={props.onLoadMore} loading={props.loadingMore} data-testid="load-more">
                {t('common.loadMore')}
              </Button>
            )}
            {!props.hasMore && !props.empty && !props.loading && (
              <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
                {t('common.noMore')}
              </Typography.Text>
            )}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
