import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Result, Skeleton, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ContractView } from '../../../../../common/api/contracts';
import { useT, type Translate } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateContract } from '../api/create-contract';
import { contractQueryKey, getContract, useContract } from '../api/get-contract';
import { useContractPrefill } from '../api/get-contract-prefill';
import { useMyOrganizations } from '../api/get-my-organizations';
import { useTransitionContract } from '../api/transition-contract';
import { useUpdateContract } from '../api/update-contract';
import { uploadAttachment } from '../api/upload-attachment';
import { AttachmentsCard, type PendingFile } from '../components/AttachmentsCard';
import { ContractForm } from '../components/ContractForm';
import { emptyValues, toBody, valuesFromPrefill, valuesFromView, type ContractFormValues } from '../components/form-values';

/** /workspace/contracts/new (?deal=<id> pre-fills from a trading deal) and /workspace/contracts/:id/edit. */
export function ContractApplicationPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  // `?deal=` (and `?dealId=`, as the trading deal page links it) pre-fills from a trading deal.
  const dealId = id ? null : (params.get('deal') ?? params.get('dealId'));
  const t = useT();
  const contract = useContract(id);
  const prefill = useContractPrefill(dealId);
  const orgs = useMyOrganizations();

  if (contract.isError || (!id && orgs.isError)) {
    const notFound = isApiProblem(contract.error) && contract.error.status === 404;
    return (
      <Result status={notFound ? '404' : 'warning'} title={notFound ? t('contract.notFound') : (contract.error ?? orgs.error)?.message} />
    );
  }
  if ((id && contract.isPending) || orgs.isPending || (dealId && prefill.isPending)) return <Skeleton active />;
  if (contract.data && !contract.data.actions.includes('edit')) {
    return (
      <Result
        status="info"
        title={t('contract.notEditable')}
        extra={
          <Link to={`/workspace/contracts/${contract.data.id}`}>
            <Button type="primary">{t('contract.openDetail')}</Button>
          </Link>
        }
      />
    );
  }
  const org = orgs.data?.[0];
  const initial = contract.data ? valuesFromView(contract.data) : prefill.data ? valuesFromPrefill(prefill.data, org) : emptyValues(org);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? t('contract.editTitle') : t('contract.newTitle')}
      </Typography.Title>
      {contract.data?.status === 'returned' && contract.data.review.note && (
        <Alert type="warning" showIcon title={t('contract.returnedNote')} description={contract.data.review.note} />
      )}
      {dealId && prefill.isError && (
        <Alert type="warning" showIcon title={t('contract.prefillFailed')} description={prefill.error.message} />
      )}
      {prefill.data && (
        <Alert
          type="info"
          showIcon
          title={t('contract.prefilled')}
          description={
            prefill.data.missing.length
              ? t('contract.prefillMissing', { fields: prefill.data.missing.map((f) => missingLabel(f, t)).join('、') })
              : undefined
          }
        />
      )}
      <ApplicationForm key={contract.data?.id ?? 'new'} contract={contract.data} initial={initial} />
    </Flex>
  );
}

function ApplicationForm({ contract, initial }: { contract: ContractView | undefined; initial: ContractFormValues }) {
  const t = useT();
  const [form] = Form.useForm<ContractFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const create = useCreateContract();
  const update = useUpdateContract();
  const transition = useTransitionContract();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  // Once created, later saves update the same application (a failed submit must not file it twice).
  const [savedId, setSavedId] = useState<string | undefined>(contract?.id);
  const live = useContract(savedId).data ?? contract;

  const save = async (submit: boolean) => {
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as ContractFormValues;
    setBusy(submit ? 'submit' : 'draft');
    try {
      let view = savedId
        ? await update.mutateAsync({ id: savedId, body: toBody(values) })
        : await create.mutateAsync({ body: toBody(values), organizationId: values.organizationId });
      setSavedId(view.id);
      for (const p of pending) {
        await uploadAttachment({ id: view.id, kind: p.kind, file: p.file });
        setPending((list) => list.filter((x) => x.uid !== p.uid));
      }
      if (pending.length) view = await getContract(view.id);
      queryClient.setQueryData(contractQueryKey(view.id), view);
      if (submit) {
        view = await transition.mutateAsync({ id: view.id, body: { action: 'submit' } });
        message.success(t('contract.submitted'));
        navigate(`/workspace/contracts/${view.id}`);
      } else {
        message.success(t('contract.draftSaved'));
        if (!contract) navigate(`/workspace/contracts/${view.id}/edit`, { replace: true });
      }
    } catch (error) {
      onProblem(error, form);
    } finally {
      setBusy(null);
    }
  };

  return (
    <ContractForm form={form} initialValues={initial} mode="apply">
      <AttachmentsCard contract={live} pending={pending} onPendingChange={setPending} />
      <Card>
        <Flex gap={8} justify="end" wrap>
          <Link to={savedId ? `/workspace/contracts/${savedId}` : '/workspace/contracts'}>
            <Button>{t('common.cancel')}</Button>
          </Link>
          <Button onClick={() => void save(false)} loading={busy === 'draft'} disabled={!!busy} data-testid="save-draft">
            {t('contract.saveDraft')}
          </Button>
          <Button
            type="primary"
            onClick={() => void save(true)}
            loading={busy === 'submit'}
            disabled={!!busy}
            data-testid="submit-contract"
          >
            {t('contract.submit')}
          </Button>
        </Flex>
      </Card>
    </ContractForm>
  );
}

/** The prefill's `missing` names API fields (and the signed contract scan); shown as the form labels them. */
function missingLabel(field: string, t: Translate): string {
  if (field.includes('attachments')) return t('contract.attachment.signed_contract');
  const labels: Record<string, Parameters<Translate>[0]> = {
    type: 'contract.type',
    subtype: 'contract.subtype',
    title: 'contract.title',
    subject: 'contract.subject',
    fieldCode: 'contract.field',
    signedOn: 'contract.signedOn',
    seller: 'contract.seller',
    buyer: 'contract.buyer',
    contractAmountFen: 'contract.contractAmount',
    nonTechnicalCosts: 'contract.costs.title',
    payments: 'contract.payments.title',
  };
  const key = labels[field.split('.')[0]!];
  return key ? t(key) : field;
}
