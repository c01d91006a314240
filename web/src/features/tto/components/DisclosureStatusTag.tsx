import { Tag } from 'antd';
import { DISCLOSURE_STATUS_LABELS, type DisclosureStatus } from '../../../../../common/api/disclosures';
import { DISTRIBUTION_STATUS_LABELS, type DistributionStatus } from '../../../../../common/api/distributions';

const DISCLOSURE_COLORS: Record<DisclosureStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  assessing: 'purple',
  decided: 'green',
  withdrawn: 'default',
};
const DISTRIBUTION_COLORS: Record<DistributionStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'purple',
  paid: 'green',
  cancelled: 'default',
};

export function DisclosureStatusTag({ status }: { status: DisclosureStatus }) {
  return <Tag color={DISCLOSURE_COLORS[status]}>{DISCLOSURE_STATUS_LABELS[status]}</Tag>;
}

export function DistributionStatusTag({ status }: { status: DistributionStatus }) {
  return <Tag color={DISTRIBUTION_COLORS[status]}>{DISTRIBUTION_STATUS_LABELS[status]}</Tag>;
}
