import { ComingSoon } from '../../../components/ComingSoon';

export function ContractsPage() {
  return <ComingSoon area="contracts" />;
}
