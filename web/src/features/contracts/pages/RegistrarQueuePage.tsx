import { ComingSoon } from '../../../components/ComingSoon';

export function RegistrarQueuePage() {
  return <ComingSoon area="contracts" />;
}
