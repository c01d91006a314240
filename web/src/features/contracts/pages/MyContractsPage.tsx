import { ComingSoon } from '../../../components/ComingSoon';

export function MyContractsPage() {
  return <ComingSoon area="contracts" />;
}
