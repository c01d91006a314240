import { useQuery } from '@tanstack/react-query';
import type { NoticeView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export async function getNotice(id: string, signal?: AbortSignal): Promise<NoticeView> {
  const view = await api.get<NoticeView>(`/api/trading/notices/${encodeURIComponent(id)}`, undefined, signal);
  noteServerTime(view.serverTime);
  return view;
}

export function useNotice(id: string) {
  return useQuery({ queryKey: ['trading', 'notice', id], queryFn: ({ signal }) => getNotice(id, signal), enabled: !!id });
}
