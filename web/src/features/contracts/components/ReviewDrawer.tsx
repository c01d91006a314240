import { Button, Drawer, Flex, Result, Skeleton } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useContract } from '../api/get-contract';
import { ContractHeader } from './ContractHeader';
import { ContractSheet } from './ContractSheet';
import { ReviewCard } from './ReviewCard';
import { VersionsCard } from './VersionsCard';

/** The registrar's review of one application beside the queue: the whole contract, the amounts worked out, the decision buttons. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const contract = useContract(id ?? undefined);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={960}
      title={t('contract.review.title')}
      extra={
        id && (
          <Link to={`/workspace/contracts/${id}`}>
            <Button type="link" icon={<ExportOutlined />}>
              {t('contract.openDetail')}
            </Button>
          </Link>
        )
      }
      destroyOnHidden
      data-testid="review-drawer"
    >
      {contract.isPending ? (
        <Skeleton active />
      ) : contract.isError ? (
        <Result status="warning" title={contract.error.message} />
      ) : (
        <Flex vertical gap={16}>
          <ContractHeader contract={contract.data} />
          <ReviewCard contract={contract.data} />
          <ContractSheet contract={contract.data} />
          <VersionsCard id={contract.data.id} enabled={!!contract.data.registration} />
        </Flex>
      )}
    </Drawer>
  );
}
