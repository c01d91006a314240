import { Alert } from 'antd';
import type { ScreeningView } from '../../../../../common/api/export-control';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';

/** The record's export-control state, as a banner: held, stopped, pending review or clear. */
export function HoldBanner({ screening }: { screening: ScreeningView }) {
  const t = useT();
  const { locale } = useLocale();
  const type =
    screening.hold === 'stopped' ? 'error' : screening.hold === 'held' ? 'warning' : screening.hold === 'pending' ? 'info' : 'success';
  const deadline = screening.deadlineAt ? t('exportControl.deadline', { at: formatDateTime(screening.deadlineAt, locale) }) : '';
  return (
    <Alert
      type={type}
      showIcon
      data-testid="export-hold-banner"
      message={t(`exportControl.hold.${screening.hold}`)}
      description={[t(`exportControl.status.${screening.status}`), deadline].filter(Boolean).join(' · ')}
    />
  );
}
