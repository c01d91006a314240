import { useMutation } from '@tanstack/react-query';
import type { PreviewBody, PreviewView } from '../../../../../common/api/distributions';
import { api } from '../../../lib/api';

/** The calculator: stores nothing. */
export function previewDistribution(body: PreviewBody): Promise<PreviewView> {
  return api.post('/api/income-distributions/preview', body);
}

export function usePreviewDistribution() {
  return useMutation({ mutationFn: previewDistribution });
}
