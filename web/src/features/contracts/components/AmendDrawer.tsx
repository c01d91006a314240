import { Button, Card, Drawer, Flex, Form, Input } from 'antd';
import type { ContractView } from '../../../../../common/api/contracts';
import { computeAmounts, formatYuan } from '../../../../../common/contracts';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useProblemHandler } from '../../../lib/problems';
import { useAmendContract } from '../api/amend-contract';
import { ContractForm } from './ContractForm';
import { toBody, valuesFromView, type ContractFormValues } from './form-values';
import { yuan, YuanInput } from './money';

interface AmendValues extends ContractFormValues {
  amendmentReason?: string;
  registeredTtaFen?: number | null;
  adjustmentReason?: string;
}

const TOP_LEVEL: Record<string, string> = {
  reason: 'amendmentReason',
  technologyTransactionAmountFen: 'registeredTtaFen',
  adjustmentReason: 'adjustmentReason',
};

function formField(field: string): string {
  const path = field.replace(/^body\./, '');
  if (path.startsWith('contract.')) return path.slice('contract.'.length);
  return TOP_LEVEL[path] ?? path;
}

/**
 * A registrar's amendment of a certified contract (变更): the whole content again, the reason, and
 * optionally another registered 技术交易额 with its reason. The server keeps the old version.
 */
export function AmendDrawer({ contract, open, onClose }: { contract: ContractView; open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AmendValues>();
  const amend = useAmendContract();
  const onProblem = useProblemHandler();
  const contractAmountFen = Form.useWatch('contractAmountFen', form) ?? contract.amounts.contractAmountFen;
  const costs = Form.useWatch('nonTechnicalCosts', form);
  const computed = computeAmounts({
    contractAmountFen,
    nonTechnicalCosts: (costs ?? []).filter(Boolean).map((c) => ({ kind: c.kind, amountFen: c.amountFen ?? 0 })),
  }).amounts.computedTechnologyTransactionAmountFen;
  // Left empty, the registrar's earlier adjustment carries over to the amended amounts.
  const previousAdjustment = contract.amounts.adjustmentFen;
  const carried = Math.min(contractAmountFen, Math.max(0, computed + previousAdjustment));
  const typed = Form.useWatch('registeredTtaFen', form);
  const registered = typed ?? carried;
  const adjusted = registered !== computed;

  const submit = async () => {
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as AmendValues;
    amend.mutate(
      {
        id: contract.id,
        body: {
          contract: toBody(v),
          reason: v.amendmentReason ?? '',
          ...(adjusted ? { technologyTransactionAmountFen: registered, adjustmentReason: v.adjustmentReason } : {}),
        },
      },
      {
        onSuccess: onClose,
        onError: (e) => {
          // The body nests the contract under `contract`; the form names its fields without it.
          if (isApiProblem(e) && e.problem.errors) e.problem.errors = e.problem.errors.map((f) => ({ ...f, field: formField(f.field) }));
          onProblem(e, form);
        },
      },
    );
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('contract.amend.title')} size="90%" destroyOnHidden>
      <ContractForm
        form={form}
        mode="amend"
        initialValues={
          {
            ...valuesFromView(contract),
            registeredTtaFen: null,
            adjustmentReason: contract.amounts.adjustmentReason ?? undefined,
          } as AmendValues
        }
        sideExtra={
          <Card size="small" title={t('contract.amend.reasonTitle')}>
            <Form.Item
              name="amendmentReason"
              label={t('contract.amend.reason')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { min: 2, message: t('contract.min', { n: 2 }) },
              ]}
            >
              <Input.TextArea rows={3} maxLength={1000} data-testid="amend-reason" />
            </Form.Item>
            <Form.Item
              name="registeredTtaFen"
              label={t('contract.certify.registeredTta')}
              extra={
                previousAdjustment !== 0
                  ? t('contract.amend.ttaCarried', { adjustment: yuan(previousAdjustment) })
                  : t('contract.amend.ttaHelp')
              }
            >
              <YuanInput placeholder={formatYuan(carried)} />
            </Form.Item>
            {adjusted && (
              <Form.Item
                name="adjustmentReason"
                label={t('contract.certify.adjustmentReason')}
                rules={[{ required: true, whitespace: true, message: t('contract.certify.reasonRequired') }]}
              >
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            )}
            <Flex justify="end" gap={8}>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" loading={amend.isPending} onClick={() => void submit()} data-testid="amend-confirm">
                {t('contract.amend.confirm')}
              </Button>
            </Flex>
          </Card>
        }
      />
    </Drawer>
  );
}
