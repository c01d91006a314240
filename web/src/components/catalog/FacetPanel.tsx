import { Card, Checkbox, Flex, Typography } from 'antd';
import type { z } from 'zod';
import type { Facets } from '../../../../common/api/search';
import { IP_KIND_LABELS, PRICE_BANDS, TRANSFER_MODE_LABELS, type IpKind, type TransferMode } from '../../../../common/catalog';
import { useLabel, useT } from '../../i18n/locale';
import { FACET_KEYS, type FacetKey } from '../../lib/search-params';

type FacetsView = z.infer<typeof Facets>;

interface Props {
  facets: FacetsView | null | undefined;
  selected: Record<FacetKey, string[]>;
  onChange: (key: FacetKey, values: string[]) => void;
  /** Demands have no IP or funding facets; their price facet is the budget. */
  only?: readonly FacetKey[];
  priceTitle?: string;
}

/** Checkbox groups with counts; a selected value stays visible (to untick) even when its count drops to zero. */
export function FacetPanel({ facets, selected, onChange, only = FACET_KEYS, priceTitle }: Props) {
  const t = useT();
  const label = useLabel();

  const bucketLabel = (key: FacetKey, value: string, fallback: string) => {
    switch (key) {
      case 'mode':
        return label(TRANSFER_MODE_LABELS[value as TransferMode], fallback);
      case 'ip':
        return label(IP_KIND_LABELS[value as IpKind], fallback);
      case 'price':
        return label(
          PRICE_BANDS.find((b) => b.key === value),
          fallback,
        );
      case 'trl':
        return `TRL ${value}`;
      case 'funding':
        return value === 'public' ? t('facet.fundingPublic') : value === 'none' ? t('facet.fundingNone') : fallback;
      default:
        return fallback || value;
    }
  };

  return (
    <Card size="small" title={t('facet.title')} data-testid="facet-panel">
      <Flex vertical gap={16}>
        {only.map((key) => {
          const buckets = facets?.[key] ?? [];
          const shown = [...buckets];
          for (const value of selected[key]) if (!shown.some((b) => b.key === value)) shown.push({ key: value, label: value, count: 0 });
          if (shown.length === 0) return null;
          return (
            <div key={key}>
              <Typography.Text strong>{key === 'price' && priceTitle ? priceTitle : t(`facet.${key}`)}</Typography.Text>
              <Flex vertical gap={2} style={{ marginTop: 6, maxHeight: 260, overflowY: 'auto' }}>
                {shown.map((b) => {
                  const checked = selected[key].includes(b.key);
                  return (
                    <Checkbox
                      key={b.key}
                      checked={checked}
                      data-testid={`facet-${key}-${b.key}`}
                      onChange={(e) => {
                        // Funding is one value at a time in the API: ticking one unticks the other.
                        if (key === 'funding') onChange(key, e.target.checked ? [b.key] : []);
                        else onChange(key, e.target.checked ? [...selected[key], b.key] : selected[key].filter((v) => v !== b.key));
                      }}
                    >
                      <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                        <span>{bucketLabel(key, b.key, b.label)}</span>
                        <Typography.Text type="secondary">{b.count}</Typography.Text>
                      </Flex>
                    </Checkbox>
                  );
                })}
              </Flex>
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
