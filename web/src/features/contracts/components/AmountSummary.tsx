import { Alert, Card, Flex, Form, Tag, Typography } from 'antd';
import { computeAmounts, reviewPeriod, vatExemption, type ContractType } from '../../../../../common/contracts';
import { useLocale, useT } from '../../../i18n/locale';
import { useContractParameters } from '../api/get-contract-parameters';
import { AmountComputation } from './AmountComputation';
import { issueText } from './amount-issues';
import type { ContractFormValues } from './form-values';
import { yuan } from './money';

/**
 * The form's live 技术交易额, worked out by the same pure rules as the server, with what follows
 * from it: the registrar's deadline (expert review above the threshold) and VAT-exemption eligibility.
 */
export function AmountSummary() {
  const t = useT();
  const { locale } = useLocale();
  const form = Form.useFormInstance<ContractFormValues>();
  const contractAmountFen = Form.useWatch('contractAmountFen', form) ?? 0;
  const costs = Form.useWatch('nonTechnicalCosts', form) ?? [];
  const type = (Form.useWatch('type', form) ?? 'development') as ContractType;
  const related = Form.useWatch('relatedServicesInvoicedTogether', form) ?? false;
  const params = useContractParameters().values;
  const items = costs.filter(Boolean).map((c) => ({ kind: c.kind, description: c.description, amountFen: c.amountFen ?? 0 }));
  const { amounts, issues } = computeAmounts({ contractAmountFen, nonTechnicalCosts: items });
  const period = reviewPeriod(amounts.technologyTransactionAmountFen, params);
  const vat = vatExemption(type, related);
  return (
    <Card title={t('contract.summary.title')} size="small" data-testid="amount-summary">
      <Flex vertical gap={12}>
        <AmountComputation
          amounts={amounts}
          items={items}
          issues={issues.map((i) => ({ ...i, message: issueText(i, t) }))}
          testId="form-amounts"
        />
        <Alert
          type={period.expertReviewRequired ? 'warning' : 'info'}
          showIcon
          title={
            period.expertReviewRequired
              ? t('contract.summary.expertReview', { days: period.workingDays, threshold: yuan(params.expertReviewThresholdFen) })
              : t('contract.summary.normalReview', { days: period.workingDays })
          }
        />
        <Flex vertical gap={4}>
          <span>
            {t('contract.vat.title')}{' '}
            <Tag color={vat.eligible ? 'green' : 'default'}>
              {vat.eligible ? t('contract.vat.eligible') : t('contract.vat.notEligible')}
            </Tag>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {locale === 'en' ? vat.reasonEn : vat.reasonZh}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
