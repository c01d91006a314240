import { Button, Space } from 'antd';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { ReasonButton } from './ReasonButton';

type Decision = { decision: 'qualified' } | { decision: 'rejected'; reason: string };

/** Staff: qualify (one click) or reject (with a reason) a buyer's intent or a bidder. */
export function QualifyButtons({
  actions,
  onDecide,
  pending,
  testId,
}: {
  actions: readonly string[];
  onDecide: (body: Decision) => Promise<unknown>;
  pending?: boolean;
  testId: string;
}) {
  const t = useT();
  const onProblem = useProblemHandler();
  return (
    <Space wrap>
      {actions.includes('qualify') && (
        <Button
          size="small"
          type="primary"
          loading={pending}
          onClick={() => void onDecide({ decision: 'qualified' }).catch(onProblem)}
          data-testid={`${testId}-qualify`}
        >
          {t('trading.qualify')}
        </Button>
      )}
      {actions.includes('reject') && (
        <ReasonButton
          size="small"
          danger
          label={t('trading.reject')}
          title={t('trading.rejectTitle')}
          onSubmit={(reason) => onDecide({ decision: 'rejected', reason })}
          pending={pending}
          testId={`${testId}-reject`}
        />
      )}
    </Space>
  );
}
