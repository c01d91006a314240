import { Card, Flex, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useDemand } from '../api/get-demand';
import { DemandForm } from '../components/DemandForm';

/** /workspace/demands/new and /workspace/demands/:id/edit. */
export function DemandFilingPage() {
  const { id } = useParams();
  const t = useT();
  const existing = useDemand(id);
  if (id && existing.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (id && (existing.isError || !existing.data)) return <Result status="error" title={existing.error?.message ?? t('record.notFound')} />;
  if (existing.data && !existing.data.actions.includes('edit')) {
    return <Result status="warning" title={t('filing.notEditable')} extra={<Link to={`/demands/${id}`}>{existing.data.title}</Link>} />;
  }
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? t('demand.editTitle') : t('demand.file')}
      </Typography.Title>
      <DemandForm key={id ?? 'new'} initial={existing.data} />
    </Flex>
  );
}
