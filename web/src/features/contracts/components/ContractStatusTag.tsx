import { Tag } from 'antd';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../../../common/contracts';
import { useLabel } from '../../../i18n/locale';

const COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  certified: 'success',
  refused: 'error',
  cancelled: 'default',
  withdrawn: 'default',
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[status]} data-testid="contract-status">
      {label(CONTRACT_STATUS_LABELS[status], status)}
    </Tag>
  );
}
