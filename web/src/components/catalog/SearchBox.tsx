import { useEffect, useState } from 'react';
import { AutoComplete, Button, Flex, Input, Space, Typography } from 'antd';
import type { AutoCompleteProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale';
import { useMe } from '../../lib/auth';
import { useSearchSuggestions } from '../../lib/search-suggest';
import { useClearRecentSearches, useHotSearches, useRecentSearches } from '../../lib/search-history';

/**
 * The search input and its button, with search-as-you-type suggestions (keywords, titles) and,
 * before anything is typed, the user's recent searches (clearable) and the platform's hot searches;
 * `size="large"` on the home page.
 */
export function SearchBox({
  value,
  onSearch,
  placeholder,
  size = 'middle',
  kind = 'achievement',
}: {
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
  size?: 'middle' | 'large';
  /** Whose keywords and titles are suggested. */
  kind?: 'achievement' | 'demand';
}) {
  const t = useT();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const suggestions = useSearchSuggestions(text === value ? '' : text, kind);
  const me = useMe();
  const empty = text.trim() === '';
  const recent = useRecentSearches(kind, !!me.data);
  const hot = useHotSearches(kind);
  const clear = useClearRecentSearches();
  const recentItems = me.data ? (recent.data?.items ?? []) : [];
  const hotItems = hot.data?.items ?? [];
  const options: AutoCompleteProps['options'] = empty
    ? [
        ...(recentItems.length
          ? [
              {
                label: (
                  <Flex justify="space-between">
                    <span>{t('search.recent')}</span>
                    <Typography.Link
                      data-testid="search-recent-clear"
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => clear.mutate()}
                    >
                      {t('search.recentClear')}
                    </Typography.Link>
                  </Flex>
                ),
                options: recentItems.map((r) => ({ value: r.query, label: r.query, key: `recent:${r.query}` })),
              },
            ]
          : []),
        ...(hotItems.length
          ? [{ label: t('search.hot'), options: hotItems.map((h) => ({ value: h.query, label: h.query, key: `hot:${h.query}` })) }]
          : []),
      ]
    : (suggestions.data?.items ?? []).map((s) => ({ value: s.text, label: s.text }));
  return (
    <Space.Compact style={{ width: '100%' }} size={size}>
      <AutoComplete
        value={text}
        onChange={(v: string) => setText(v)}
        onSelect={(v: string) => {
          setText(v);
          onSearch(v);
        }}
        options={options}
        style={{ width: '100%' }}
        data-testid="search-suggestions"
      >
        <Input
          onPressEnter={() => onSearch(text)}
          placeholder={placeholder ?? t('search.placeholder')}
          allowClear
          data-testid="search-input"
          maxLength={200}
        />
      </AutoComplete>
      <Button type="primary" icon={<SearchOutlined />} onClick={() => onSearch(text)} data-testid="search-submit">
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
