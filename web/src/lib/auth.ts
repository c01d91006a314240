import { useQuery } from '@tanstack/react-query';
import type { MeView } from '../../../common/api/identity';
import type { Permission } from '../../../common/roles';
import { api, hasSessionCookie, isApiProblem } from './api';

export type Me = MeView;

export const meQueryKey = ['me'] as const;

/**
 * The current user, or null when nobody is logged in. A visitor without a session cookie is not
 * asked about (a 401 would be logged in the browser console on every anonymous page); an expired or
 * revoked session still answers 401, which means null too.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  if (!hasSessionCookie()) return null;
  try {
    return await api.get<Me>('/api/me', undefined, signal);
  } catch (error) {
    if (isApiProblem(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    retry: false,
  });
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && (me.permissions as readonly string[]).includes(permission);
}

/**
 * Set when the user logs out on purpose: the next login starts at the dashboard instead of returning
 * to the page the previous user was on (which the next user may not even be allowed to see).
 */
let loggedOutOnPurpose = false;
export function setLoggedOutOnPurpose(value: boolean): void {
  loggedOutOnPurpose = value;
}
/** Read during render, so it must not change anything (React may render more than once). */
export function loggedOutOnPurposeNow(): boolean {
  return loggedOutOnPurpose;
}
