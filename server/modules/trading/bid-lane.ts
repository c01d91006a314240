/**
 * A per-process shortcut for hot auctions, never a source of truth. The database serialises bids
 * (the auction's row lock) and decides; this only spares it work it would refuse anyway:
 *
 * - `knownMinimum` holds, per auction, the least amount that could still be accepted, learned from
 *   committed states only (this process's own accepted bids, other processes' through NOTIFY).
 *   Prices only rise, so an amount below it is refused without asking the database.
 * - `inLane` queues this process's bids on one auction, so when a crowd bids the same amount the
 *   winner goes to the database and the rest are refused from `knownMinimum` once it commits,
 *   rather than all queueing for the row lock. Several processes still meet at the row lock.
 */
const knownMinimum = new Map<string, number>();
const lanes = new Map<string, Promise<unknown>>();

export function noteMinimum(auctionId: string, minimumFen: number): void {
  if (minimumFen > (knownMinimum.get(auctionId) ?? 0)) knownMinimum.set(auctionId, minimumFen);
}

export function forgetAuction(auctionId: string): void {
  knownMinimum.delete(auctionId);
}

export function knownMinimumOf(auctionId: string): number {
  return knownMinimum.get(auctionId) ?? 0;
}

export function inLane<T>(auctionId: string, fn: () => Promise<T>): Promise<T> {
  const previous = lanes.get(auctionId) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  lanes.set(auctionId, tail);
  void tail.then(() => {
    if (lanes.get(auctionId) === tail) lanes.delete(auctionId);
  });
  return run;
}
