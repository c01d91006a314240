import { useQuery } from '@tanstack/react-query';
import type { HallView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export async function getHall(signal?: AbortSignal): Promise<HallView> {
  const hall = await api.get<HallView>('/api/trading/hall', undefined, signal);
  noteServerTime(hall.serverTime);
  return hall;
}

/** 交易大厅: refreshed every half minute so auctions move from upcoming to live without a reload. */
export function useHall() {
  return useQuery({
    queryKey: ['trading', 'hall'],
    queryFn: ({ signal }) => getHall(signal),
    refetchInterval: 30_000,
  });
}
