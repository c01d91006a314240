import { RecordSearchPage } from '../../../components/catalog/RecordSearchPage';
import { useT } from '../../../i18n/locale';
import { DemandBudget, DemandTags } from '../components/DemandFacts';
import { useSaveDemandSearch } from '../api/save-demand-search';
import { useDemandSearch } from '../api/search-demands';

/** /demands: the public catalogue of published demands, searchable and faceted; the URL holds the search. */
export function DemandsPage() {
  const t = useT();
  return (
    <RecordSearchPage
      basePath="/demands"
      title={t('demand.portalTitle')}
      priceTitle={t('facet.budget')}
      facetKeys={['field', 'trl', 'region', 'mode', 'price']}
      useSearch={useDemandSearch}
      useSave={useSaveDemandSearch}
      fileLabel={t('demand.file')}
      fileTestId="file-demand"
      renderTags={(record) => <DemandTags record={record} />}
      renderPrice={(record) => <DemandBudget record={record} />}
    />
  );
}
