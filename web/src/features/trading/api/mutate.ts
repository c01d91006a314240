import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A trading mutation: on success every trading query is refetched (a transition of one record
 * changes the hall, the workspace and the staff desk alike).
 */
export function useTradingMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['trading'] }),
  });
}
