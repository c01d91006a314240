import { ComingSoon } from '../../../components/ComingSoon';

export function MyTradingPage() {
  return <ComingSoon area="trading" />;
}
