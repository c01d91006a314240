import { ComingSoon } from '../../../components/ComingSoon';

export function ListingPage() {
  return <ComingSoon area="trading" />;
}
