import { Tag } from 'antd';
import type { AnnualReportStatus } from '../../../../../common/reports';
import { useT } from '../../../i18n/locale';

const COLORS: Record<AnnualReportStatus, string> = { draft: 'default', submitted: 'processing', returned: 'warning', accepted: 'success' };

export function ReportStatusTag({ status, overdue }: { status: AnnualReportStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={COLORS[status]}>{t(`report.status.${status}`)}</Tag>
      {overdue && <Tag color="error">{t('report.overdue')}</Tag>}
    </>
  );
}
