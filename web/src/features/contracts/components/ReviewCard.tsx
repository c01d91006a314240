import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ContractView } from '../../../../../common/api/contracts';
import { REFUSAL_REASON_LABELS } from '../../../../../common/contracts';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { ContractStatusTag } from './ContractStatusTag';
import { DeadlineTag } from './DeadlineTag';

/** Where the application stands: status, registration number, the registrar's deadline, expert review, the registrar's note. */
export function ReviewCard({ contract: c }: { contract: ContractView }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const r = c.review;
  const er = r.expertReview;
  return (
    <Card title={t('contract.section.review')} data-testid="review-card">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: t('contract.status'), children: <ContractStatusTag status={c.status} /> },
            ...(c.registration
              ? [
                  {
                    key: 'number',
                    label: t('contract.registrationNumber'),
                    children: (
                      <Typography.Text strong copyable data-testid="registration-number">
                        {c.registration.number}
                      </Typography.Text>
                    ),
                  },
                  { key: 'certified', label: t('contract.certifiedAt'), children: formatDateTime(c.registration.certifiedAt, locale) },
                ]
              : []),
            ...(c.registration?.cancelledAt
              ? [
                  {
                    key: 'cancelled',
                    label: t('contract.cancelledAt'),
                    children: `${formatDateTime(c.registration.cancelledAt, locale)} · ${c.registration.cancelReason ?? ''}`,
                  },
                ]
              : []),
            { key: 'submitted', label: t('contract.submittedAt'), children: formatDateTime(r.submittedAt, locale) },
            ...(c.status === 'submitted'
              ? [
                  {
                    key: 'deadline',
                    label: t('contract.deadline'),
                    children: (
                      <DeadlineTag
                        deadlineAt={r.deadlineAt}
                        workingDaysLeft={r.workingDaysLeft}
                        overdue={r.overdue}
                        deadlineEstimated={r.deadlineEstimated}
                      />
                    ),
                  },
                ]
              : []),
            ...(r.workingDays
              ? [{ key: 'days', label: t('contract.reviewPeriod'), children: t('contract.workingDays', { n: r.workingDays }) }]
              : []),
            {
              key: 'expert',
              label: t('contract.expertReview'),
              children: r.expertReviewRequired ? (
                <Tag color="purple">{er ? t('contract.expertReviewDone') : t('contract.expertReviewRequired')}</Tag>
              ) : (
                t('contract.expertReviewNotRequired')
              ),
            },
            ...(r.reviewedAt ? [{ key: 'reviewed', label: t('contract.reviewedAt'), children: formatDateTime(r.reviewedAt, locale) }] : []),
          ]}
        />
        {r.refusalReason && (
          <Alert type="error" showIcon title={label(REFUSAL_REASON_LABELS[r.refusalReason])} description={r.note} data-testid="refusal" />
        )}
        {!r.refusalReason && r.note && (
          <Alert type={c.status === 'returned' ? 'warning' : 'info'} showIcon title={t('contract.registrarNote')} description={r.note} />
        )}
        {er && (
          <Card size="small" title={t('contract.expertOpinion')}>
            <Flex vertical gap={6}>
              <span>
                <Tag color={er.conclusion === 'does_not_support' ? 'red' : 'green'}>{t(`contract.expert.${er.conclusion}`)}</Tag>
                <Typography.Text type="secondary">{formatDateTime(er.recordedAt, locale)}</Typography.Text>
              </span>
              <Typography.Text>
                {er.experts.map((x) => [x.name, x.title, x.organization].filter(Boolean).join(' ')).join('；')}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{er.opinion}</Typography.Paragraph>
            </Flex>
          </Card>
        )}
      </Flex>
    </Card>
  );
}
