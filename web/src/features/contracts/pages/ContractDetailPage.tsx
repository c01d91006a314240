import { ComingSoon } from '../../../components/ComingSoon';

export function ContractDetailPage() {
  return <ComingSoon area="contracts" />;
}
