import { InputNumber } from 'antd';
import { useT } from '../../../i18n/locale';

/** 123456789 fen → "¥1,234,567.89": every trading amount, to the fen. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 元 typed in a form → whole fen. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan == null || Number.isNaN(yuan)) return null;
  return Math.round(yuan * 100);
}

/**
 * An amount kept in fen (what the API takes, so a server error on `…Fen` lands on this input)
 * and typed in 元 with thousands separators.
 */
export function YuanInput({
  value,
  onChange,
  id,
  disabled,
  testId,
  min = 0.01,
  step = 1,
  onPressEnter,
}: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  disabled?: boolean;
  testId?: string;
  min?: number;
  step?: number;
  onPressEnter?: () => void;
}) {
  const t = useT();
  return (
    <InputNumber<number>
      id={id}
      value={value == null ? null : value / 100}
      onChange={(yuan) => onChange?.(yuanToFen(yuan))}
      min={min}
      step={step}
      precision={2}
      disabled={disabled}
      prefix="¥"
      suffix={t('trading.yuan')}
      formatter={(v) => (v === undefined ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
      parser={(v) => Number((v ?? '').replace(/[^\d.]/g, ''))}
      onPressEnter={onPressEnter}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
