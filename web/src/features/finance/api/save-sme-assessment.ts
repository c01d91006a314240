import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SmeAssessmentInput, SmeAssessmentView } from '../../../../../common/api/finance';
import { api } from '../../../lib/api';

export function saveSmeAssessment({
  year,
  body,
}: {
  year: number;
  body: z.input<typeof SmeAssessmentInput>;
}): Promise<z.infer<typeof SmeAssessmentView>> {
  return api.put(`/api/me/sme-assessments/${year}`, body);
}

export function useSaveSmeAssessment() {
  return useMutation({ mutationFn: saveSmeAssessment });
}
