import { ComingSoon } from '../../../components/ComingSoon';

export function ContractApplicationPage() {
  return <ComingSoon area="contracts" />;
}
