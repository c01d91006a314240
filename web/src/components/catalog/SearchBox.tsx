import { useEffect, useState } from 'react';
import { AutoComplete, Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale';
import { useSearchSuggestions } from '../../lib/search-suggest';

/** The search input and its button, with search-as-you-type suggestions (keywords, titles); `size="large"` on the home page. */
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
  return (
    <Space.Compact style={{ width: '100%' }} size={size}>
      <AutoComplete
        value={text}
        onChange={(v: string) => setText(v)}
        onSelect={(v: string) => {
          setText(v);
          onSearch(v);
        }}
        options={(suggestions.data?.items ?? []).map((s) => ({ value: s.text, label: s.text }))}
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
