import { Tag } from 'antd';
import { TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import type { DemandView } from '../../../../../common/api/catalog';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useLabel, useT } from '../../../i18n/locale';
import { formatWanRange } from '../../../lib/money';

/** Budget range in 万元, or 面议 (negotiable). */
export function DemandBudget({ record }: { record: Pick<DemandView, 'budgetMinFen' | 'budgetMaxFen' | 'budgetNegotiable'> }) {
  const t = useT();
  const range =
    record.budgetMinFen != null || record.budgetMaxFen != null ? formatWanRange(record.budgetMinFen, record.budgetMaxFen) : null;
  return (
    <span data-testid="budget">
      {range ? (record.budgetNegotiable ? `${range}（${t('money.negotiable')}）` : range) : t('money.negotiable')}
    </span>
  );
}

export function DemandTags({ record }: { record: DemandView }) {
  const label = useLabel();
  const t = useT();
  return (
    <>
      {record.trlMin != null && <TrlTag level={record.trlMin} prefix="TRL ≥" />}
      <Tag color="blue">{record.fieldName}</Tag>
      {record.regionName && <Tag>{record.regionName}</Tag>}
      {record.cooperationModes.map((m) => (
        <Tag key={m}>{label(TRANSFER_MODE_LABELS[m], m)}</Tag>
      ))}
      {record.deadline && <Tag color="orange">{t('demand.deadlineShort', { date: record.deadline })}</Tag>}
    </>
  );
}
