import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AchievementView } from '../../../../../common/api/catalog';
import { apiRequest } from '../../../lib/api';
import type { AchievementInputBody } from './create-achievement';
import { achievementQueryKey } from './get-achievement';

export function updateAchievement({ id, body }: { id: string; body: AchievementInputBody }): Promise<AchievementView> {
  return apiRequest(`/api/achievements/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

export function useUpdateAchievement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAchievement,
    onSuccess: (view) => {
      queryClient.setQueryData(achievementQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['achievements', 'mine'] });
    },
  });
}
