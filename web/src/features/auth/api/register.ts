import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegisterBody } from '../../../../../common/api/identity';
import type { OrganizationView } from '../../../../../common/api/organizations';
import { api } from '../../../lib/api';

export type RegisterInput = z.input<typeof RegisterBody>;
export interface RegisterResult {
  organization: OrganizationView;
  userId: string;
}

export function register(body: RegisterInput): Promise<RegisterResult> {
  return api.post('/api/register', body);
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
