import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n/locale';

interface Props {
  deadlineAt: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  expertReviewRequired?: boolean;
  /** Counted through a year whose holidays are not published yet (weekends only). */
  deadlineEstimated?: boolean;
}

/** The registrar's deadline: the date, working days left (red once overdue, orange in the last three), expert review. */
export function DeadlineTag({ deadlineAt, workingDaysLeft, overdue, expertReviewRequired, deadlineEstimated }: Props) {
  const t = useT();
  if (!deadlineAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = workingDaysLeft ?? 0;
  const color = overdue ? 'red' : left <= 3 ? 'orange' : 'blue';
  return (
    <Flex vertical gap={2} data-testid="deadline">
      <Tooltip title={t('contract.deadlineHelp')}>
        <Tag color={color} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {/* Past the close of the last day but no working day since (a weekend or holiday): just overdue. */}
          {overdue
            ? left === 0
              ? t('contract.overdue')
              : t('contract.overdueBy', { n: Math.abs(left) })
            : t('contract.daysLeft', { n: left })}
        </Tag>
      </Tooltip>
      <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {t('contract.deadlineDay', { day: lastDay(deadlineAt) })}
      </Typography.Text>
      {deadlineEstimated && (
        <Tooltip title={t('contract.deadlineEstimatedHelp')}>
          <Tag color="gold" style={{ marginInlineEnd: 0, width: 'fit-content' }} data-testid="deadline-estimated">
            {t('contract.deadlineEstimated')}
          </Tag>
        </Tooltip>
      )}
      {expertReviewRequired && (
        <Tag color="purple" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {t('contract.expertReviewRequired')}
        </Tag>
      )}
    </Flex>
  );
}

/**
 * The registrar's last day: the deadline instant is the close of that Beijing working day (the next
 * day's 00:00 in Beijing), so the day shown is the Beijing date of the instant just before it.
 */
function lastDay(deadlineAt: string): string {
  return new Intl.DateTimeFormat('sv', { timeZone: 'Asia/Shanghai' }).format(new Date(new Date(deadlineAt).getTime() - 1));
}
