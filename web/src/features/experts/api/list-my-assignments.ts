import { useQuery } from '@tanstack/react-query';
import type { AssignmentView } from '../../../../../common/api/experts';
import { api } from '../../../lib/api';

export const myAssignmentsKey = ['experts', 'assignments'] as const;

export function listMyAssignments(signal?: AbortSignal): Promise<{ items: AssignmentView[] }> {
  return api.get('/api/me/assignments', { status: 'all' }, signal);
}

/** The review panels I was drawn onto, open ones first. */
export function useMyAssignments() {
  return useQuery({ queryKey: myAssignmentsKey, queryFn: ({ signal }) => listMyAssignments(signal) });
}
