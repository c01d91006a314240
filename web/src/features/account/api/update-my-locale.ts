import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../../../../common/api/identity';
import { api } from '../../../lib/api';
import { meQueryKey } from '../../../lib/auth';

export type AccountLocale = 'zh-CN' | 'en';

export function updateMyLocale(locale: AccountLocale): Promise<MeView> {
  return api.patch('/api/me', { locale });
}

export function useUpdateMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyLocale,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
