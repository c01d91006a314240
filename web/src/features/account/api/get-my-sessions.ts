import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SessionView } from '../../../../../common/api/identity';
import { api } from '../../../lib/api';

export type Session = z.infer<typeof SessionView>;

export const mySessionsQueryKey = ['my-sessions'] as const;

export function getMySessions(signal?: AbortSignal): Promise<{ items: Session[] }> {
  return api.get('/api/me/sessions', undefined, signal);
}

export function useMySessions() {
  return useQuery({ queryKey: mySessionsQueryKey, queryFn: ({ signal }) => getMySessions(signal) });
}
