/**
 * A per-app shortcut for hot auctions (one BidLanes per app, made in buildApp), never a source of truth. The database serialises bids
 * (the auction's row lock) and decides; this only spares it work it would refuse anyway:
 *
 * - `knownMinimum` holds, per auction, the least amount that could still be accepted, learned from
 *   committed states only (this process's own accepted bids, other processes' through NOTIFY).
 *   Prices only rise, so an amount below it is refused without asking the database.
 * - `inLane` queues this process's bids on one auction, so when a crowd bids the same amount the
 *   winner goes to the database and the rest are refused from `knownMinimum` once it commits,
 *   rather than all queueing for the row lock. Several processes still meet at the row lock.
 */
export class BidLanes {
  private readonly knownMinimum = new Map<string, number>();
  private readonly lanes = new Map<string, Promise<unknown>>();

  noteMinimum(auctionId: string, minimumFen: number): void {
    if (minimumFen > (this.knownMinimum.get(auctionId) ?? 0)) this.knownMinimum.set(auctionId, minimumFen);
  }

  forgetAuction(auctionId: string): void {
    this.knownMinimum.delete(auctionId);
  }

  knownMinimumOf(auctionId: string): number {
    return this.knownMinimum.get(auctionId) ?? 0;
  }

  inLane<T>(auctionId: string, fn: () => Promise<T>): Promise<T> {
    const lanes = this.lanes;
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
}
