import { MyRecordsPage } from '../../../components/catalog/MyRecordsPage';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useT } from '../../../i18n/locale';
import { useMyAchievements } from '../api/list-my-achievements';
import { useTransitionAchievement } from '../api/transition-achievement';
import { AchievementPrice } from '../components/AchievementFacts';

/** /workspace/achievements: the achievements of my organisations, any status. */
export function MyAchievementsPage() {
  const t = useT();
  return (
    <MyRecordsPage
      basePath="/achievements"
      title={t('nav.myAchievements')}
      fileLabel={t('achievement.file')}
      fileTestId="file-achievement"
      useList={useMyAchievements}
      useTransition={useTransitionAchievement}
      extraColumns={[
        { title: 'TRL', dataIndex: 'trl', width: 80, render: (trl: number) => <TrlTag level={trl} /> },
        {
          title: t('achievement.price'),
          key: 'price',
          width: 140,
          responsive: ['lg'],
          render: (_, row) => <AchievementPrice record={row} />,
        },
      ]}
    />
  );
}
