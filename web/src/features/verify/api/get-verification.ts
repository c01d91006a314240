import { useQuery } from '@tanstack/react-query';
import type { PublicCertificateView } from '../../../../../common/api/verify';
import { api } from '../../../lib/api';

export function getVerification(number: string, signal?: AbortSignal): Promise<PublicCertificateView> {
  return api.get(`/api/verify/${encodeURIComponent(number)}`, undefined, signal);
}

/** A registered contract's public facts by its registration number (parties masked). */
export function useVerification(number: string) {
  return useQuery({ queryKey: ['verify', number], queryFn: ({ signal }) => getVerification(number, signal), retry: false });
}
