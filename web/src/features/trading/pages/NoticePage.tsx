import { ComingSoon } from '../../../components/ComingSoon';

export function NoticePage() {
  return <ComingSoon area="trading" />;
}
