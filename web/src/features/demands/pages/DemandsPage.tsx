import { ComingSoon } from '../../../components/ComingSoon';

export function DemandsPage() {
  return <ComingSoon area="demands" />;
}
