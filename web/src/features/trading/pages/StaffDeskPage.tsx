import { ComingSoon } from '../../../components/ComingSoon';

export function StaffDeskPage() {
  return <ComingSoon area="trading" />;
}
