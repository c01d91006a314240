import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { RecordStatus } from '../../../../../common/catalog';
import { MyRecordsTable } from '../../../components/catalog/MyRecordsTable';
import { RecordActions } from '../../../components/catalog/RecordActions';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useMyDemands } from '../api/list-my-demands';
import { useTransitionDemand } from '../api/transition-demand';
import { DemandBudget } from '../components/DemandFacts';

const PAGE_SIZE = 20;

/** /workspace/demands: the demands of my organisations, any status. */
export function MyDemandsPage() {
  const t = useT();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const [status, setStatus] = useState<RecordStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useMyDemands({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const transition = useTransitionDemand();
  return (
    <MyRecordsTable
      title={t('nav.myDemands')}
      basePath="/demands"
      rows={list.data?.items}
      total={list.data?.total}
      loading={list.isFetching}
      status={status}
      onStatusChange={(s) => {
        setStatus(s);
        setPage(1);
      }}
      page={page}
      pageSize={PAGE_SIZE}
      onPageChange={setPage}
      toolbar={
        <Link to="/workspace/demands/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="file-demand">
            {t('demand.file')}
          </Button>
        </Link>
      }
      extraColumns={[
        { title: t('demand.deadline'), dataIndex: 'deadline', width: 120, responsive: ['lg'], render: (d: string | null) => d ?? '—' },
        { title: t('demand.budget'), key: 'price', width: 140, responsive: ['lg'], render: (_, row) => <DemandBudget record={row} /> },
      ]}
      renderActions={(row) => (
        <RecordActions
          size="small"
          actions={row.actions}
          pending={transition.isPending && transition.variables?.id === row.id}
          onEdit={() => navigate(`/workspace/demands/${row.id}/edit`)}
          onTransition={(action, reason) =>
            transition.mutateAsync({ id: row.id, body: { action, reason } }).catch((e: unknown) => {
              onProblem(e);
              throw e;
            })
          }
        />
      )}
    />
  );
}
