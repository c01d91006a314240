import { useQuery } from '@tanstack/react-query';
import type { TradingParametersView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';

export function getTradingParameters(signal?: AbortSignal): Promise<TradingParametersView> {
  return api.get('/api/trading/parameters', undefined, signal);
}

/** The rule parameters in force (announcement days, deposit range, soft close, notice days…). */
export function useTradingParameters() {
  return useQuery({
    queryKey: ['trading', 'parameters'],
    queryFn: ({ signal }) => getTradingParameters(signal),
    staleTime: 10 * 60_000,
  });
}
