import { ComingSoon } from '../../../components/ComingSoon';

export function ObjectionsPage() {
  return <ComingSoon area="trading" />;
}
