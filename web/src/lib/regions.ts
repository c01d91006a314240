import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegionView } from '../../../common/api/organizations';
import { api } from './api';

export type Region = z.infer<typeof RegionView>;

export interface RegionNode {
  title: string;
  value: string;
  level: string;
  children?: RegionNode[];
}

export async function getRegions(signal?: AbortSignal): Promise<{ items: Region[] }> {
  return api.get('/api/regions', undefined, signal);
}

/** The region tree (city → districts → parks); it changes rarely, so it is fetched once per visit. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => getRegions(signal),
    staleTime: Infinity,
    select: (data) => data.items,
  });
}

/** Turns the flat list into a tree; a region whose parent is not in the list becomes a root. */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) nodes.set(r.code, { title: r.name, value: r.code, level: r.level });
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => a.value.localeCompare(b.value));
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}
