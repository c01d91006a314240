import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';

interface Props {
  deadlineAt: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  expertReviewRequired?: boolean;
}

/** The registrar's deadline: the date, working days left (red once overdue, orange in the last three), expert review. */
export function DeadlineTag({ deadlineAt, workingDaysLeft, overdue, expertReviewRequired }: Props) {
  const t = useT();
  const { locale } = useLocale();
  if (!deadlineAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = workingDaysLeft ?? 0;
  const color = overdue ? 'red' : left <= 3 ? 'orange' : 'blue';
  return (
    <Flex vertical gap={2} data-testid="deadline">
      <Tooltip title={t('contract.deadlineHelp')}>
        <Tag color={color} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {overdue ? t('contract.overdueBy', { n: Math.abs(left) }) : t('contract.daysLeft', { n: left })}
        </Tag>
      </Tooltip>
      <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {formatDateTime(deadlineAt, locale)}
      </Typography.Text>
      {expertReviewRequired && (
        <Tag color="purple" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {t('contract.expertReviewRequired')}
        </Tag>
      )}
    </Flex>
  );
}
