import { useState } from 'react';
import { Button, Flex, Popconfirm } from 'antd';
import { DownloadOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ContractView } from '../../../../../common/api/contracts';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useTransitionContract } from '../api/transition-contract';
import { AmendDrawer } from './AmendDrawer';
import { CertifyDialog } from './CertifyDialog';
import { DecisionDialog, ExpertReviewDialog } from './DecisionDialogs';

type Dialog = 'certify' | 'return' | 'refuse' | 'cancel' | 'withdraw' | 'expert' | 'amend' | null;

/** The buttons the caller may press on this contract (the server lists them in `actions`), with their dialogs. */
export function ContractActions({ contract: c }: { contract: ContractView }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const transition = useTransitionContract();
  const onProblem = useProblemHandler();
  const can = (a: ContractView['actions'][number]) => c.actions.includes(a);
  const close = () => setDialog(null);
  return (
    <Flex gap={8} wrap data-testid="contract-actions">
      {can('edit') && (
        <Link to={`/workspace/contracts/${c.id}/edit`}>
          <Button icon={<EditOutlined />} data-testid="action-edit">
            {t('common.edit')}
          </Button>
        </Link>
      )}
      {can('submit') && (
        <Popconfirm
          title={t('contract.submitConfirm')}
          onConfirm={() => transition.mutate({ id: c.id, body: { action: 'submit' } }, { onError: (e) => onProblem(e) })}
        >
          <Button type="primary" loading={transition.isPending} data-testid="action-submit">
            {t('contract.submit')}
          </Button>
        </Popconfirm>
      )}
      {can('withdraw') && (
        <Button onClick={() => setDialog('withdraw')} data-testid="action-withdraw">
          {t('contract.decision.withdraw')}
        </Button>
      )}
      {can('record_expert_review') && (
        <Button onClick={() => setDialog('expert')} data-testid="action-expert">
          {c.review.expertReview ? t('contract.expert.edit') : t('contract.expert.record')}
        </Button>
      )}
      {can('certify') && (
        <Button type="primary" onClick={() => setDialog('certify')} data-testid="action-certify">
          {t('contract.certify.action')}
        </Button>
      )}
      {can('return') && (
        <Button onClick={() => setDialog('return')} data-testid="action-return">
          {t('contract.decision.return')}
        </Button>
      )}
      {can('refuse') && (
        <Button danger onClick={() => setDialog('refuse')} data-testid="action-refuse">
          {t('contract.decision.refuse')}
        </Button>
      )}
      {can('preview_certificate') && (
        <a href={`/api/contracts/${c.id}/certificate.pdf`} target="_blank" rel="noreferrer">
          <Button icon={<FilePdfOutlined />} data-testid="action-preview-certificate">
            {t('contract.certificate.preview')}
          </Button>
        </a>
      )}
      {can('download_certificate') && (
        <a href={`/api/contracts/${c.id}/certificate.pdf`} download>
          <Button type="primary" ghost icon={<DownloadOutlined />} data-testid="action-download-certificate">
            {t('contract.certificate.download')}
          </Button>
        </a>
      )}
      {can('amend') && (
        <Button onClick={() => setDialog('amend')} data-testid="action-amend">
          {t('contract.amend.action')}
        </Button>
      )}
      {can('cancel') && (
        <Button danger onClick={() => setDialog('cancel')} data-testid="action-cancel">
          {t('contract.decision.cancel')}
        </Button>
      )}
      {can('certify') && <CertifyDialog contract={c} open={dialog === 'certify'} onClose={close} />}
      {(['return', 'refuse', 'cancel', 'withdraw'] as const).map(
        (a) => can(a) && <DecisionDialog key={a} contract={c} action={a} open={dialog === a} onClose={close} />,
      )}
      {can('record_expert_review') && <ExpertReviewDialog contract={c} open={dialog === 'expert'} onClose={close} />}
      {can('amend') && dialog === 'amend' && <AmendDrawer contract={c} open onClose={close} />}
    </Flex>
  );
}
