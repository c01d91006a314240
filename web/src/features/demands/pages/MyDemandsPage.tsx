import { MyRecordsPage } from '../../../components/catalog/MyRecordsPage';
import { useT } from '../../../i18n/locale';
import { useMyDemands } from '../api/list-my-demands';
import { useTransitionDemand } from '../api/transition-demand';
import { DemandBudget } from '../components/DemandFacts';

/** /workspace/demands: the demands of my organisations, any status. */
export function MyDemandsPage() {
  const t = useT();
  return (
    <MyRecordsPage
      basePath="/demands"
      title={t('nav.myDemands')}
      fileLabel={t('demand.file')}
      fileTestId="file-demand"
      useList={useMyDemands}
      useTransition={useTransitionDemand}
      extraColumns={[
        { title: t('demand.deadline'), dataIndex: 'deadline', width: 120, responsive: ['lg'], render: (d: string | null) => d ?? '—' },
        { title: t('demand.budget'), key: 'price', width: 140, responsive: ['lg'], render: (_, row) => <DemandBudget record={row} /> },
      ]}
    />
  );
}
