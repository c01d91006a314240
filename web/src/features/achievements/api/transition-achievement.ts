import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AchievementView, TransitionBody } from '../../../../../common/api/catalog';
import { api } from '../../../lib/api';
import { achievementQueryKey } from './get-achievement';

export function transitionAchievement({ id, body }: { id: string; body: z.input<typeof TransitionBody> }): Promise<AchievementView> {
  return api.post(`/api/achievements/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionAchievement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionAchievement,
    onSuccess: (view) => {
      queryClient.setQueryData(achievementQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['achievements'], predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
