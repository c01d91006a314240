import { useQuery } from '@tanstack/react-query';
import type { NewsItemView } from '../../../../../common/api/news';
import { api } from '../../../lib/api';

export function getNewsItem(id: string, signal?: AbortSignal): Promise<NewsItemView> {
  return api.get(`/api/news/${id}`, undefined, signal);
}

export function useNewsItem(id: string) {
  return useQuery({ queryKey: ['news', id], queryFn: ({ signal }) => getNewsItem(id, signal), retry: false });
}
