import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../lib/api';
import { meQueryKey } from '../lib/auth';

/**
 * One client for the app. An `unauthenticated` problem from any call means the session ended (expired, revoked, logged
 * out elsewhere): forgetting the current user sends the route guard to the login page.
 */
export function createQueryClient(): QueryClient {
  const onUnauthenticated = (error: unknown) => {
    // Only `unauthenticated`: a wrong password (`invalid_credentials`) is a 401 too but ends nothing.
    if (isApiProblem(error, 'unauthenticated') && queryClient.getQueryData(meQueryKey)) {
      queryClient.setQueryData(meQueryKey, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthenticated }),
    mutationCache: new MutationCache({ onError: onUnauthenticated }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return queryClient;
}
