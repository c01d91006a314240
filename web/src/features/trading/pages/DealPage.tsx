import { ComingSoon } from '../../../components/ComingSoon';

export function DealPage() {
  return <ComingSoon area="trading" />;
}
