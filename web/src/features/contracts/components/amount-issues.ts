import type { AmountIssue } from '../../../../../common/contracts';
import type { Translate } from '../../../i18n/locale';

/** computeAmounts' issues in the reader's language (the server sends the same ones in English beside the field). */
export function issueText(issue: AmountIssue, t: Translate): string {
  const m = issue.message;
  if (m.startsWith('exceeds the contract amount')) return t('contract.issue.itemExceeds');
  if (m.startsWith('brings the deducted')) return t('contract.issue.deductedExceed');
  if (m.startsWith('takes the technology transaction amount below zero')) return t('contract.issue.adjustmentBelowZero');
  if (m.startsWith('takes the technology transaction amount above')) return t('contract.issue.adjustmentAboveContract');
  if (m.startsWith('must be a whole number')) return t('contract.issue.wholeFen');
  return m;
}
