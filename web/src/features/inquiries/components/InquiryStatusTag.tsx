import { Tag } from 'antd';
import { INQUIRY_STATUS_LABELS, type InquiryStatus } from '../../../../../common/api/inquiries';

const COLORS: Record<InquiryStatus, string> = {
  open: 'gold',
  negotiating: 'processing',
  agreed: 'success',
  moved_to_trading: 'purple',
  closed: 'default',
};

export function InquiryStatusTag({ status }: { status: InquiryStatus }) {
  return (
    <Tag color={COLORS[status]} data-testid="inquiry-status">
      {INQUIRY_STATUS_LABELS[status]}
    </Tag>
  );
}
