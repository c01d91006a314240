import { Tag } from 'antd';
import { RECORD_STATUS_LABELS, type RecordStatus } from '../../../../common/catalog';
import { useLabel } from '../../i18n/locale';

const COLORS: Record<RecordStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  published: 'success',
  in_trade: 'purple',
  transferred: 'magenta',
  closed: 'default',
  withdrawn: 'default',
};

export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[status]} data-testid="record-status">
      {label(RECORD_STATUS_LABELS[status], status)}
    </Tag>
  );
}
