import { Card, Timeline, Typography } from 'antd';
import type { ReviewStepView } from '../../../common/api/review-steps';
import { useLocale, useT } from '../i18n/locale';
import { formatDateTime } from '../lib/format';

const STEP_LABELS: Record<string, { zh: string; en: string }> = {
  approve: { zh: '通过', en: 'Approved' },
  return: { zh: '退回', en: 'Returned' },
  reject: { zh: '驳回', en: 'Rejected' },
  refuse: { zh: '不予登记', en: 'Refused' },
  certify: { zh: '登记', en: 'Certified' },
  cancel: { zh: '撤销登记', en: 'Cancelled' },
  suspend: { zh: '暂停', en: 'Suspended' },
  reactivate: { zh: '恢复', en: 'Reactivated' },
};

/** The review trail of a record: each decision with its reviewer and reason, oldest first. Nothing when the API sent none. */
export function ReviewStepsCard({ steps }: { steps: ReviewStepView[] | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  if (!steps?.length) return null;
  return (
    <Card title={t('review.steps')} size="small" data-testid="review-steps">
      <Timeline
        items={steps.map((s, i) => ({
          key: i,
          color: s.step === 'approve' || s.step === 'certify' || s.step === 'reactivate' ? 'green' : 'red',
          children: (
            <>
              <Typography.Text strong>{STEP_LABELS[s.step]?.[locale === 'en' ? 'en' : 'zh'] ?? s.step}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {s.reviewerName ?? '—'} · {formatDateTime(s.at, locale)}
              </Typography.Text>
              {s.reason && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.reason}</Typography.Paragraph>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
