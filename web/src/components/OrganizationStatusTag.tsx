import { Tag } from 'antd';
import type { OrganizationStatus } from '../../../common/roles';
import { useT } from '../i18n/locale';

const COLORS: Record<OrganizationStatus, string> = {
  pending: 'gold',
  active: 'green',
  suspended: 'volcano',
  rejected: 'red',
};

export function OrganizationStatusTag({ status }: { status: string }) {
  const t = useT();
  const known = status in COLORS ? (status as OrganizationStatus) : null;
  return <Tag color={known ? COLORS[known] : undefined}>{known ? t(`status.${known}`) : status}</Tag>;
}
