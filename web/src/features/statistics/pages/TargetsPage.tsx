import { ComingSoon } from '../../../components/ComingSoon';

export function TargetsPage() {
  return <ComingSoon area="statistics" />;
}
