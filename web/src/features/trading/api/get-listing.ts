import { useQuery } from '@tanstack/react-query';
import type { ListingView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export async function getListing(id: string, signal?: AbortSignal): Promise<ListingView> {
  const view = await api.get<ListingView>(`/api/trading/listings/${encodeURIComponent(id)}`, undefined, signal);
  noteServerTime(view.serverTime);
  return view;
}

export function useListing(id: string) {
  return useQuery({ queryKey: ['trading', 'listing', id], queryFn: ({ signal }) => getListing(id, signal), enabled: !!id });
}
