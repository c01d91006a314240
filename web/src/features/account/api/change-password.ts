import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordBody } from '../../../../../common/api/identity';
import { api } from '../../../lib/api';

export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;

export function changePassword(body: ChangePasswordInput): Promise<void> {
  return api.post('/api/me/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
