import { useEffect, useState } from 'react';
import { Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale';

/** The search input and its button; `size="large"` on the home page. */
export function SearchBox({
  value,
  onSearch,
  placeholder,
  size = 'middle',
}: {
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
  size?: 'middle' | 'large';
}) {
  const t = useT();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Space.Compact style={{ width: '100%' }} size={size}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onSearch(text)}
        placeholder={placeholder ?? t('search.placeholder')}
        allowClear
        data-testid="search-input"
        maxLength={200}
      />
      <Button type="primary" icon={<SearchOutlined />} onClick={() => onSearch(text)} data-testid="search-submit">
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
