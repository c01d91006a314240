import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { BidResult } from '../../../../../common/api/trading';
import { ApiProblem, apiRequest } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export interface PlaceBidArgs {
  auctionId: string;
  amountFen: number;
  organizationId?: string;
  /** The same key for every try of one bid, so a retried request is answered with the first result. */
  idempotencyKey: string;
}

/** POST …/bids with an Idempotency-Key header. */
export async function placeBid({ auctionId, amountFen, organizationId, idempotencyKey }: PlaceBidArgs): Promise<BidResult> {
  const result = await apiRequest<BidResult>(`/api/trading/auctions/${encodeURIComponent(auctionId)}/bids`, {
    method: 'POST',
    body: { amountFen, organizationId },
    headers: { 'idempotency-key': idempotencyKey },
  });
  noteServerTime(result.state.serverTime);
  return result;
}

/** A fresh random key (crypto.randomUUID needs a secure context; plain-http deployments get the same from getRandomValues). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Whether another try of the same request may still succeed (no answer, or the server failed). */
const retriable = (e: unknown) => e instanceof ApiProblem && (e.status === 0 || e.status >= 500);

/**
 * Places bids. One key per bid: kept while the answer is unknown (network error, 5xx), so clicking
 * again — or the one automatic retry — cannot place the bid twice; a fresh key for the next amount.
 */
export function usePlaceBid(auctionId: string) {
  const pending = useRef<{ amountFen: number; key: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (args: { amountFen: number; organizationId?: string }) => {
      if (pending.current?.amountFen !== args.amountFen) pending.current = { amountFen: args.amountFen, key: newIdempotencyKey() };
      return placeBid({ auctionId, ...args, idempotencyKey: pending.current.key });
    },
    retry: (count, error) => count < 1 && retriable(error),
    retryDelay: 300,
    onSuccess: () => {
      pending.current = null;
    },
    onError: (error) => {
      if (!retriable(error)) pending.current = null;
    },
  });
  return mutation;
}
