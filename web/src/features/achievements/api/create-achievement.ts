import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AchievementInput, AchievementView } from '../../../../../common/api/catalog';
import { api, withQuery } from '../../../lib/api';

export type AchievementInputBody = z.input<typeof AchievementInput>;

export function createAchievement({
  body,
  organizationId,
}: {
  body: AchievementInputBody;
  organizationId?: string;
}): Promise<AchievementView> {
  return api.post(withQuery('/api/achievements', { organizationId }), body);
}

export function useCreateAchievement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAchievement,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['achievements', 'mine'] }),
  });
}
