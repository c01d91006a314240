import { ComingSoon } from '../../../components/ComingSoon';

export function TradingHallPage() {
  return <ComingSoon area="trading" />;
}
