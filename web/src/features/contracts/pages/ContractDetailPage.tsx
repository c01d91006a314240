import { Button, Col, Flex, Result, Row, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ReviewStepsCard } from '../../../components/ReviewStepsCard';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { hasPermission, useMe } from '../../../lib/auth';
import { useContract } from '../api/get-contract';
import { ContractHeader } from '../components/ContractHeader';
import { ContractSheet } from '../components/ContractSheet';
import { ReviewCard } from '../components/ReviewCard';
import { VersionsCard } from '../components/VersionsCard';

/** /workspace/contracts/:id — one contract for its applicant and for the registrar: content, review, versions, certificate. */
export function ContractDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const me = useMe().data;
  const contract = useContract(id);
  const back =
    hasPermission(me, 'contract:register') && !hasPermission(me, 'contract:apply') ? '/workspace/registrar' : '/workspace/contracts';
  if (contract.isPending) return <Skeleton active />;
  if (contract.isError) {
    const notFound = isApiProblem(contract.error) && contract.error.status === 404;
    return <Result status={notFound ? '404' : 'warning'} title={notFound ? t('contract.notFound') : contract.error.message} />;
  }
  const c = contract.data;
  return (
    <Flex vertical gap={16}>
      <Link to={back}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {back === '/workspace/registrar' ? t('nav.registrar') : t('nav.myContracts')}
        </Button>
      </Link>
      <ContractHeader contract={c} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ContractSheet contract={c} />
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <ReviewCard contract={c} />
            <ReviewStepsCard steps={c.reviewSteps} />
            <VersionsCard id={c.id} enabled={!!c.registration} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
