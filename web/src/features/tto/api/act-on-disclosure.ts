import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssessmentInput, DecisionInput, DisclosureTransition, DisclosureView } from '../../../../../common/api/disclosures';
import { api } from '../../../lib/api';
import { disclosureQueryKey } from './get-disclosure';

/** Every change of one disclosure: a transition, an inventor's confirmation, the manager's scores, the decision, the achievement. */
export type DisclosureAct =
  | { kind: 'transition'; action: DisclosureTransition; reason?: string }
  | { kind: 'confirm'; inventorId: string }
  | { kind: 'assess'; body: z.input<typeof AssessmentInput> }
  | { kind: 'decide'; body: z.input<typeof DecisionInput> }
  | { kind: 'achievement' }
  | { kind: 'panel'; size: number; dueAt?: string };

export function actOnDisclosure({ id, act }: { id: string; act: DisclosureAct }): Promise<DisclosureView> {
  const base = `/api/disclosures/${encodeURIComponent(id)}`;
  switch (act.kind) {
    case 'transition':
      return api.post(`${base}/transitions`, { action: act.action, reason: act.reason });
    case 'confirm':
      return api.post(`${base}/inventors/${encodeURIComponent(act.inventorId)}/confirm`);
    case 'assess':
      return api.post(`${base}/assessments`, act.body);
    case 'decide':
      return api.post(`${base}/decision`, act.body);
    case 'achievement':
      return api.post(`${base}/achievement`);
    case 'panel':
      return api.post(`${base}/panel`, { size: act.size, dueAt: act.dueAt });
  }
}

export function useActOnDisclosure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnDisclosure,
    onSuccess: (view) => {
      queryClient.setQueryData(disclosureQueryKey(view.id), view);
      return queryClient.invalidateQueries({ queryKey: ['disclosures'] });
    },
  });
}
