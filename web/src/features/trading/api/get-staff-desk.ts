import { useQuery } from '@tanstack/react-query';
import type { StaffDeskView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export async function getStaffDesk(signal?: AbortSignal): Promise<StaffDeskView> {
  const view = await api.get<StaffDeskView>('/api/trading/staff/desk', undefined, signal);
  noteServerTime(view.serverTime);
  return view;
}

export function useStaffDesk() {
  return useQuery({ queryKey: ['trading', 'desk'], queryFn: ({ signal }) => getStaffDesk(signal), refetchInterval: 60_000 });
}
