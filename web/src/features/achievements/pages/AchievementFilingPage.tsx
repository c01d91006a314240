import { Card, Flex, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useAchievement } from '../api/get-achievement';
import { AchievementForm } from '../components/AchievementForm';

/** /workspace/achievements/new and /workspace/achievements/:id/edit. */
export function AchievementFilingPage() {
  const { id } = useParams();
  const t = useT();
  const existing = useAchievement(id);
  if (id && existing.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (id && (existing.isError || !existing.data)) return <Result status="error" title={existing.error?.message ?? t('record.notFound')} />;
  if (existing.data && !existing.data.actions.includes('edit')) {
    return (
      <Result status="warning" title={t('filing.notEditable')} extra={<Link to={`/achievements/${id}`}>{existing.data.title}</Link>} />
    );
  }
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? t('achievement.editTitle') : t('achievement.file')}
      </Typography.Title>
      <AchievementForm key={id ?? 'new'} initial={existing.data} />
    </Flex>
  );
}
