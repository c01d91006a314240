import { useQuery } from '@tanstack/react-query';
import type { MyTradingView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export async function getMyTrading(signal?: AbortSignal): Promise<MyTradingView> {
  const view = await api.get<MyTradingView>('/api/trading/mine', undefined, signal);
  noteServerTime(view.serverTime);
  return view;
}

export function useMyTrading() {
  return useQuery({ queryKey: ['trading', 'mine'], queryFn: ({ signal }) => getMyTrading(signal) });
}
