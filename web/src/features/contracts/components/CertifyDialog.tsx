import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../../../common/api/contracts';
import { computeAmounts } from '../../../../../common/contracts';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useTransitionContract } from '../api/transition-contract';
import { AmountComputation } from './AmountComputation';
import { issueText } from './amount-issues';
import { YuanInput } from './money';

interface Values {
  technologyTransactionAmountFen: number | null;
  adjustmentReason?: string;
  note?: string;
}

/**
 * Certification: the registrar checks the computed 技术交易额, may set another one with a reason
 * (the difference is the adjustment), opens the certificate preview, and certifies.
 */
export function CertifyDialog({ contract: c, open, onClose }: { contract: ContractView; open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const certify = useTransitionContract();
  const onProblem = useProblemHandler();
  const computed = c.amounts.computedTechnologyTransactionAmountFen;
  const wanted = Form.useWatch('technologyTransactionAmountFen', form) ?? computed;
  const adjustmentFen = wanted - computed;
  const { amounts, issues } = computeAmounts({
    contractAmountFen: c.amounts.contractAmountFen,
    nonTechnicalCosts: c.nonTechnicalCosts,
    adjustmentFen,
  });
  const reason = Form.useWatch('adjustmentReason', form);

  const submit = async () => {
    const v = await form.validateFields();
    const adjusted = v.technologyTransactionAmountFen != null && v.technologyTransactionAmountFen !== computed;
    certify.mutate(
      {
        id: c.id,
        body: {
          action: 'certify',
          ...(adjusted ? { technologyTransactionAmountFen: v.technologyTransactionAmountFen!, adjustmentReason: v.adjustmentReason } : {}),
          note: v.note?.trim() || undefined,
        },
      },
      { onSuccess: onClose, onError: (e) => onProblem(e, form) },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contract.certify.title')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <a href={`/api/contracts/${c.id}/certificate.pdf`} target="_blank" rel="noreferrer" data-testid="certificate-preview">
            <Button icon={<FilePdfOutlined />}>{t('contract.certificate.preview')}</Button>
          </a>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={certify.isPending}
              onClick={() => void submit()}
              disabled={issues.length > 0}
              data-testid="certify-confirm"
            >
              {t('contract.certify.confirm')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ technologyTransactionAmountFen: computed }}>
        <AmountComputation
          amounts={amounts}
          items={c.nonTechnicalCosts}
          adjustmentReason={reason}
          issues={issues.map((i) => ({ ...i, message: issueText(i, t) }))}
          testId="certify-amounts"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('contract.certify.adjustHelp')}
        </Typography.Paragraph>
        <Form.Item
          name="technologyTransactionAmountFen"
          label={t('contract.certify.registeredTta')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <YuanInput testId="certify-tta" />
        </Form.Item>
        {adjustmentFen !== 0 && (
          <Form.Item
            name="adjustmentReason"
            label={t('contract.certify.adjustmentReason')}
            rules={[{ required: true, whitespace: true, message: t('contract.certify.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="adjustment-reason" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('contract.certify.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
