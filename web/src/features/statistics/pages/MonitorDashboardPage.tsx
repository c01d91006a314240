import { ComingSoon } from '../../../components/ComingSoon';

export function MonitorDashboardPage() {
  return <ComingSoon area="statistics" />;
}
