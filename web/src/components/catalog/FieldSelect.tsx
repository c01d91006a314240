import { useMemo } from 'react';
import { Select } from 'antd';
import { useLocale, useT } from '../../i18n/locale';
import { useFields } from '../../lib/fields';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  /** Filters rather than forms: several values, cleared freely. */
  placeholder?: string;
}

/** The technical field of a record, grouped by scheme (disciplines, industries); a controlled antd Form item. */
export function FieldSelect({ value, onChange, id, placeholder }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const fields = useFields();
  const options = useMemo(() => {
    const items = fields.data ?? [];
    const name = (f: (typeof items)[number]) => (locale === 'en' ? f.nameEn : f.nameZh);
    const group = (scheme: string, label: string) => ({
      label,
      title: label,
      options: items.filter((f) => f.scheme === scheme).map((f) => ({ value: f.code, label: `${name(f)}`, title: `${f.code} ${name(f)}` })),
    });
    const groups = [group('discipline', t('filing.fieldDiscipline')), group('industry', t('filing.fieldIndustry'))];
    const other = items.filter((f) => f.scheme !== 'discipline' && f.scheme !== 'industry');
    if (other.length)
      groups.push({ label: '—', title: '—', options: other.map((f) => ({ value: f.code, label: name(f), title: f.code })) });
    return groups.filter((g) => g.options.length);
  }, [fields.data, locale, t]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={fields.isLoading}
      showSearch={{ optionFilterProp: 'title' }}
      placeholder={placeholder ?? t('filing.fieldPlaceholder')}
      data-testid="field-select"
      style={{ width: '100%' }}
    />
  );
}
