import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FieldModelReport } from '../../../../../common/api/search';
import { api } from '../../../lib/api';

/** GET /api/suggest/field-model: the field model in use, its accuracy on records published since, corrections waiting. */
export function useFieldModelReport() {
  return useQuery({
    queryKey: ['field-model-report'],
    queryFn: ({ signal }) => api.get<z.infer<typeof FieldModelReport>>('/api/suggest/field-model', undefined, signal),
  });
}
