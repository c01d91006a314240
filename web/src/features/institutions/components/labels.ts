import { METRIC_LABELS, SERVICE_TYPE_LABELS, type Metric, type ServiceType } from '../../../../../common/api/institutions';
import { formatWan } from '../../../lib/money';

type Locale = 'zh-CN' | 'en';
const pick = (l: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? l.en : l.zh);

export const serviceLabel = (s: ServiceType, locale: Locale) => pick(SERVICE_TYPE_LABELS[s], locale);
export const metricLabel = (m: Metric, locale: Locale) => pick(METRIC_LABELS[m], locale);

/** A threshold figure as people read it: money in 万元, counts with their unit. */
export function formatFigure(m: Metric, value: number | null): string {
  if (value == null) return '—';
  if (m.endsWith('_fen')) return formatWan(value);
  return `${value} ${METRIC_LABELS[m].unit}`;
}
