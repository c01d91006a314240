import { InputNumber } from 'antd';
import { formatYuan } from '../../../../../common/contracts';
import { useT } from '../../../i18n/locale';

/** `¥1,234,567.89`: contract money is read to the fen. */
export function yuan(fen: number | null | undefined): string {
  return fen == null ? '—' : `¥${formatYuan(fen)}`;
}

export function Yuan({ fen, testId, strong }: { fen: number | null | undefined; testId?: string; strong?: boolean }) {
  const text = yuan(fen);
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined, whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
}

/** An amount kept in fen and typed in 元 with two decimals, so a server error on `…Fen` lands on this input. */
export function YuanInput({
  value,
  onChange,
  id,
  disabled,
  testId,
  placeholder,
  allowNegative,
}: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  disabled?: boolean;
  testId?: string;
  placeholder?: string;
  allowNegative?: boolean;
}) {
  const t = useT();
  return (
    <InputNumber<number>
      id={id}
      value={value == null ? null : value / 100}
      onChange={(v) => onChange?.(v == null || Number.isNaN(v) ? null : Math.round(v * 100))}
      min={allowNegative ? undefined : 0}
      precision={2}
      step={1000}
      disabled={disabled}
      placeholder={placeholder}
      formatter={(v) => (v == null ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
      parser={(v) => Number((v ?? '').replace(/[,\s¥]/g, ''))}
      prefix="¥"
      suffix={t('contract.yuan')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
