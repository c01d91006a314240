import { useParams } from 'react-router';
import { RecordDetail, useOwnsRecord } from '../../../components/catalog/RecordDetail';
import { WatchMatchesButton } from '../../../components/catalog/WatchMatchesButton';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { DemandExpertsCard } from '../../../components/experts/DemandExpertsCard';
import { useT } from '../../../i18n/locale';
import { formatWan } from '../../../lib/money';
import { useDemand } from '../api/get-demand';
import { useDemandMatches } from '../api/get-demand-matches';
import { useTransitionDemand } from '../api/transition-demand';
import { useWatchDemandMatches } from '../api/watch-demand-matches';
import { DemandBudget } from '../components/DemandFacts';

/** /demands/:id — one demand; its owner also sees the achievements that match it, each score explained. */
export function DemandDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const demand = useDemand(id);
  const watch = useWatchDemandMatches();
  const owns = useOwnsRecord(demand.data);
  const matches = useDemandMatches(id, owns);

  return (
    <RecordDetail
      id={id}
      query={demand}
      useTransition={useTransitionDemand}
      basePath="/demands"
      backLabel={t('demand.backToList')}
      titleTestId="demand-title"
      matches={{
        title: t('match.achievementsTitle'),
        query: matches,
        basePath: '/achievements',
        watch: <WatchMatchesButton recordId={id} recordTitle={demand.data?.title ?? ''} watch={watch} />,
        tag: (m) => <TrlTag level={m.record.trl} />,
        price: (m) => (m.record.priceNegotiable || m.record.priceFen == null ? t('money.negotiable') : formatWan(m.record.priceFen)),
      }}
      render={(record) => ({
        sideLabel: t('demand.budget'),
        side: <DemandBudget record={record} />,
        summaryTitle: t('demand.summary'),
        trlLabel: t('demand.trlMin'),
        trl: record.trlMin != null ? <TrlTag level={record.trlMin} withDefinition /> : '—',
        modesLabel: t('demand.cooperationModes'),
        modes: record.cooperationModes,
        facts: [
          { key: 'budget', label: t('demand.budget'), children: <DemandBudget record={record} /> },
          { key: 'deadline', label: t('demand.deadline'), children: record.deadline ?? '—' },
        ],
        factsTail: [{ key: 'region', label: t('record.region'), children: record.regionName || '—' }],
        aside: <DemandExpertsCard demandId={id} enabled={owns} />,
      })}
    />
  );
}
