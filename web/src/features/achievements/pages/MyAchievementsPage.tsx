import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { RecordStatus } from '../../../../../common/catalog';
import { MyRecordsTable } from '../../../components/catalog/MyRecordsTable';
import { RecordActions } from '../../../components/catalog/RecordActions';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useMyAchievements } from '../api/list-my-achievements';
import { useTransitionAchievement } from '../api/transition-achievement';
import { AchievementPrice } from '../components/AchievementFacts';

const PAGE_SIZE = 20;

/** /workspace/achievements: the achievements of my organisations, any status. */
export function MyAchievementsPage() {
  const t = useT();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const [status, setStatus] = useState<RecordStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useMyAchievements({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const transition = useTransitionAchievement();
  return (
    <MyRecordsTable
      title={t('nav.myAchievements')}
      basePath="/achievements"
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
        <Link to="/workspace/achievements/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="file-achievement">
            {t('achievement.file')}
          </Button>
        </Link>
      }
      extraColumns={[
        { title: 'TRL', dataIndex: 'trl', width: 80, render: (trl: number) => <TrlTag level={trl} /> },
        { title: t('achievement.price'), key: 'price', width: 140, responsive: ['lg'], render: (_, row) => <AchievementPrice record={row} /> },
      ]}
      renderActions={(row) => (
        <RecordActions
          size="small"
          actions={row.actions}
          pending={transition.isPending && transition.variables?.id === row.id}
          onEdit={() => navigate(`/workspace/achievements/${row.id}/edit`)}
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
