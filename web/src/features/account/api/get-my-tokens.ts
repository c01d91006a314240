import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiTokenView } from '../../../../../common/api/identity';
import { api } from '../../../lib/api';

export type ApiToken = z.infer<typeof ApiTokenView>;

export const myTokensQueryKey = ['my-tokens'] as const;

export function getMyTokens(signal?: AbortSignal): Promise<{ items: ApiToken[] }> {
  return api.get('/api/me/tokens', undefined, signal);
}

export function useMyTokens() {
  return useQuery({ queryKey: myTokensQueryKey, queryFn: ({ signal }) => getMyTokens(signal) });
}
