import { ComingSoon } from '../../../components/ComingSoon';

export function AuctionRoomPage() {
  return <ComingSoon area="trading" />;
}
