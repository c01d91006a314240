import type { FastifyBaseLogger } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import type { AuctionEvent } from '../../../common/api/trading.js';
import type { Database } from '../../db/client.js';
import { listenTo } from '../../db/listen.js';
import { clock } from '../../lib/clock.js';
import type { BidLanes } from './bid-lane.js';

/**
 * Auction events travel through the database: the transaction that accepts a bid (or closes an
 * auction) calls pg_notify, which PostgreSQL delivers only when that transaction commits, to every
 * process listening — so every process's SSE clients see every bid, in commit order, and an event
 * is never sent for a bid that was rolled back. Each process keeps one listening connection
 * (a dedicated pg client on PostgreSQL; PGlite's own listen on the embedded database) and fans
 * the events out in memory to its SSE connections.
 */
export const TRADING_CHANNEL = 'jq_trading';

export type StreamEvent = Exclude<AuctionEvent, { event: 'snapshot' } | { event: 'heartbeat' }>;
export interface AuctionNotification {
  auctionId: string;
  events: StreamEvent[];
}

/** The pg_notify call for a notification, to put in a statement of the committing transaction. */
export function notifyExpression(n: AuctionNotification): SQL {
  return sql`pg_notify(${TRADING_CHANNEL}, ${JSON.stringify(n)})`;
}

/**
 * `resync`: the listening connection was re-established; events may have been missed, send a fresh snapshot.
 * `shutdown`: the server is closing; end the stream (the client reconnects, to this server when it
 * is back or to another one, and catches up from the snapshot).
 */
export type HubMessage = StreamEvent[] | 'resync' | 'shutdown';
export type HubListener = (message: HubMessage) => void;

export class AuctionEventHub {
  private readonly listeners = new Map<string, Set<HubListener>>();
  private readonly endTimers = new Map<string, { endsAt: number; timer: NodeJS.Timeout }>();
  private starting: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
    /** The app's bid lanes, told of every committed bid and close. */
    private readonly bidLanes: BidLanes,
    /** Called when a watched auction reaches its end (closing is idempotent; the scheduler is the safety net). */
    private readonly onDue: (auctionId: string) => Promise<void> = async () => {},
  ) {}

  /** Starts listening on first use; resolves once LISTEN is in place, so no later commit is missed. */
  async subscribe(auctionId: string, listener: HubListener): Promise<() => void> {
    await this.ensureListening();
    let set = this.listeners.get(auctionId);
    if (!set) this.listeners.set(auctionId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(auctionId);
        this.clearEndTimer(auctionId);
      }
    };
  }

  /** Closes the auction promptly when its end comes while someone is watching. */
  watchEnd(auctionId: string, endsAt: Date): void {
    if (this.closed || !this.listeners.has(auctionId)) return;
    const at = endsAt.getTime();
    const current = this.endTimers.get(auctionId);
    if (current && current.endsAt === at) return;
    this.clearEndTimer(auctionId);
    const delay = Math.max(0, at - clock.now().getTime()) + 250;
    // setTimeout holds at most ~24.8 days; a longer wait is re-armed by the next snapshot or event.
    if (delay > 2 ** 31 - 1) return;
    const timer = setTimeout(() => {
      this.endTimers.delete(auctionId);
      this.onDue(auctionId).catch((err: unknown) => this.log.error({ err, auctionId }, 'closing a watched auction failed'));
    }, delay);
    timer.unref();
    this.endTimers.set(auctionId, { endsAt: at, timer });
  }

  private clearEndTimer(auctionId: string) {
    const t = this.endTimers.get(auctionId);
    if (t) clearTimeout(t.timer);
    this.endTimers.delete(auctionId);
  }

  private dispatch(payload: string) {
    let n: AuctionNotification;
    try {
      n = JSON.parse(payload) as AuctionNotification;
    } catch {
      return;
    }
    for (const e of n.events) {
      if (e.event === 'extended') this.watchEnd(n.auctionId, new Date(e.data.endsAt));
      if (e.event === 'bid') this.bidLanes.noteMinimum(n.auctionId, e.data.state.minimumBidFen);
      if (e.event === 'closed') this.bidLanes.forgetAuction(n.auctionId);
    }
    for (const l of this.listeners.get(n.auctionId) ?? []) l(n.events);
  }

  private resyncAll() {
    for (const set of this.listeners.values()) for (const l of set) l('resync');
  }

  private ensureListening(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the event hub is closed'));
    this.starting ??= this.listen().catch((err: unknown) => {
      this.starting = null;
      throw err;
    });
    return this.starting;
  }

  private async listen(): Promise<void> {
    this.stopListening = await listenTo(this.database, TRADING_CHANNEL, {
      onMessage: (payload) => this.dispatch(payload),
      onLost: (err) => this.log.warn({ err }, 'auction event listener lost its connection; reconnecting'),
      // Events may have been missed meanwhile: every client gets a fresh snapshot.
      onRestored: () => this.resyncAll(),
    });
  }

  /**
   * Ends every open stream and stops listening. Runs before the HTTP server closes (preClose): the
   * server waits for open responses, and an event stream never ends by itself.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.endTimers.keys()]) this.clearEndTimer(id);
    const listeners = [...this.listeners.values()].flatMap((set) => [...set]);
    this.listeners.clear();
    for (const l of listeners) l('shutdown');
    if (this.starting) await this.starting.catch(() => {});
    await this.stopListening?.();
  }
}
