import { RecordSearchPage } from '../../../components/catalog/RecordSearchPage';
import { useT } from '../../../i18n/locale';
import { AchievementPrice, AchievementTags } from '../components/AchievementFacts';
import { useSaveAchievementSearch } from '../api/save-achievement-search';
import { useAchievementSearch } from '../api/search-achievements';

/** /achievements: the public catalogue of published achievements, searchable and faceted; the URL holds the search. */
export function AchievementsPage() {
  const t = useT();
  return (
    <RecordSearchPage
      basePath="/achievements"
      title={t('achievement.portalTitle')}
      priceTitle={t('facet.price')}
      useSearch={useAchievementSearch}
      useSave={useSaveAchievementSearch}
      fileLabel={t('achievement.file')}
      fileTestId="file-achievement"
      renderTags={(record) => <AchievementTags record={record} />}
      renderPrice={(record) => <AchievementPrice record={record} />}
    />
  );
}
