import { Tag } from 'antd';
import { TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import type { AchievementView } from '../../../../../common/api/catalog';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useLabel, useT } from '../../../i18n/locale';
import { formatWan } from '../../../lib/money';

/** Price in 万元, or 面议 (negotiable). */
export function AchievementPrice({ record }: { record: Pick<AchievementView, 'priceFen' | 'priceNegotiable'> }) {
  const t = useT();
  return (
    <span data-testid="price">
      {record.priceNegotiable || record.priceFen == null ? t('money.negotiable') : formatWan(record.priceFen)}
    </span>
  );
}

/** The tags a hit or card shows: TRL, field, region, transfer modes. */
export function AchievementTags({ record }: { record: AchievementView }) {
  const label = useLabel();
  const t = useT();
  return (
    <>
      <TrlTag level={record.trl} />
      <Tag color="blue">{record.fieldName}</Tag>
      {record.regionName && <Tag>{record.regionName}</Tag>}
      {record.transferModes.map((m) => (
        <Tag key={m} color="default">
          {label(TRANSFER_MODE_LABELS[m], m)}
        </Tag>
      ))}
      {record.publicFunding && <Tag color="gold">{t('achievement.publicFunding')}</Tag>}
    </>
  );
}
