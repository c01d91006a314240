import { Flex, Spin, Tag, Typography } from 'antd';
import { BulbOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/locale';
import { useSuggestions } from '../../lib/suggest';
import { useDebounced } from '../../lib/use-debounced';

interface Props {
  title: string;
  summary: string;
  fieldCode?: string;
  keywords: readonly string[];
  onPickField: (code: string) => void;
  onAddKeyword: (keyword: string) => void;
}

/** What the classifier makes of the title and summary: the top fields (click to choose) and keywords (click to add). */
export function FieldSuggestions({ title, summary, fieldCode, keywords, onPickField, onAddKeyword }: Props) {
  const t = useT();
  const debouncedTitle = useDebounced(title ?? '', 600);
  const debouncedSummary = useDebounced(summary ?? '', 600);
  const suggestions = useSuggestions(debouncedTitle, debouncedSummary);
  if (suggestions.isError) return null;
  const data = suggestions.data;
  return (
    <Flex vertical gap={8} style={{ background: '#f6f9fc', padding: 12, borderRadius: 6, marginBottom: 16 }} data-testid="suggestions">
      <Typography.Text type="secondary">
        <BulbOutlined /> {t('filing.suggestedFields')} {suggestions.isFetching && <Spin size="small" />}
      </Typography.Text>
      <Flex wrap gap={6}>
        {data?.fields.slice(0, 3).map((f) => (
          <Tag.CheckableTag
            key={f.code}
            checked={f.code === fieldCode}
            onChange={() => onPickField(f.code)}
            data-testid="suggested-field"
            data-code={f.code}
            style={{ border: '1px solid #91caff', padding: '2px 8px' }}
          >
            {f.name} · {Math.round(f.confidence * 100)}%
          </Tag.CheckableTag>
        ))}
        {data && data.fields.length === 0 && <Typography.Text type="secondary">{t('filing.noSuggestions')}</Typography.Text>}
        {!data && !suggestions.isFetching && <Typography.Text type="secondary">{t('filing.suggestHint')}</Typography.Text>}
      </Flex>
      {data && data.keywords.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('filing.suggestedKeywords')}</Typography.Text>
          <Flex wrap gap={6}>
            {data.keywords
              .filter((k) => !keywords.includes(k))
              .map((k) => (
                <Tag
                  key={k}
                  icon={<PlusOutlined />}
                  style={{ cursor: 'pointer', borderStyle: 'dashed' }}
                  onClick={() => onAddKeyword(k)}
                  data-testid="suggested-keyword"
                >
                  {k}
                </Tag>
              ))}
          </Flex>
        </>
      )}
    </Flex>
  );
}
