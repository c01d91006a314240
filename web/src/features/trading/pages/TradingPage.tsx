import { ComingSoon } from '../../../components/ComingSoon';

export function TradingPage() {
  return <ComingSoon area="trading" />;
}
