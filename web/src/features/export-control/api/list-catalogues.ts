import { useQuery } from '@tanstack/react-query';
import type { CatalogueItemView, CatalogueView } from '../../../../../common/api/export-control';
import { api } from '../../../lib/api';

export function listCatalogues(signal?: AbortSignal): Promise<{ items: CatalogueView[] }> {
  return api.get('/api/export-control/catalogues', undefined, signal);
}

export function useCatalogues() {
  return useQuery({ queryKey: ['export-control', 'catalogues'], queryFn: ({ signal }) => listCatalogues(signal) });
}

export function getCatalogue(id: string, signal?: AbortSignal): Promise<CatalogueView & { items: CatalogueItemView[] }> {
  return api.get(`/api/export-control/catalogues/${encodeURIComponent(id)}`, undefined, signal);
}

export function useCatalogue(id: string | undefined) {
  return useQuery({
    queryKey: ['export-control', 'catalogue', id],
    queryFn: ({ signal }) => getCatalogue(id!, signal),
    enabled: !!id,
  });
}
