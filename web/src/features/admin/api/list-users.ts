import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ListUsersQuery, UserAdminView } from '../../../../../common/api/admin';
import { api } from '../../../lib/api';

export type AdminUser = z.infer<typeof UserAdminView>;
export type ListUsersParams = Partial<z.infer<typeof ListUsersQuery>>;

export function listUsers(params: ListUsersParams, signal?: AbortSignal): Promise<{ items: AdminUser[]; total: number }> {
  return api.get('/api/admin/users', params, signal);
}

export function useUsers(params: ListUsersParams) {
  return useQuery({
    queryKey: ['admin', 'users', params],
    queryFn: ({ signal }) => listUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}
