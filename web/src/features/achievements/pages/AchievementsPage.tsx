import { ComingSoon } from '../../../components/ComingSoon';

export function AchievementsPage() {
  return <ComingSoon area="achievements" />;
}
