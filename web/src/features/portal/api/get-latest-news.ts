import { useQuery } from '@tanstack/react-query';
import type { NewsPage } from '../../../../../common/api/news';
import { api } from '../../../lib/api';

export function getLatestNews(limit: number, signal?: AbortSignal): Promise<NewsPage> {
  return api.get('/api/news', { limit }, signal);
}

export function useLatestNews(limit = 6) {
  return useQuery({ queryKey: ['news', 'latest', limit], queryFn: ({ signal }) => getLatestNews(limit, signal), retry: false });
}
