import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ScreeningTransitionBody, ScreeningView } from '../../../../../common/api/export-control';
import { api } from '../../../lib/api';
import { screeningQueryKey } from './get-screening';

export function transitionScreening({ id, body }: { id: string; body: z.input<typeof ScreeningTransitionBody> }): Promise<ScreeningView> {
  return api.post(`/api/export-control/screenings/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransitionScreening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionScreening,
    onSuccess: (view) => {
      queryClient.setQueryData(screeningQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['export-control', 'screenings'] });
    },
  });
}
