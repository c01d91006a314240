import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FavouriteItem, FavouriteKind, FavouriteState } from '../../../../../common/api/favourites';
import { api } from '../../../lib/api';

export function listMyFavourites(kind: FavouriteKind | undefined, signal?: AbortSignal): Promise<{ items: FavouriteItem[] }> {
  return api.get('/api/me/favourites', kind ? { kind } : undefined, signal);
}

export function useMyFavourites(kind: FavouriteKind | undefined) {
  return useQuery({ queryKey: ['my-favourites', kind ?? 'all'], queryFn: ({ signal }) => listMyFavourites(kind, signal) });
}

export function useRemoveFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (f: { kind: FavouriteKind; id: string }) => api.delete<FavouriteState>(`/api/me/favourites/${f.kind}/${f.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-favourites'] }),
  });
}
