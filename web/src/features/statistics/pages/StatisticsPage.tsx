import { ComingSoon } from '../../../components/ComingSoon';

export function StatisticsPage() {
  return <ComingSoon area="statistics" />;
}
