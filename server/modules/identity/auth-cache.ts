import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { listenTo } from '../../db/listen.js';
import { onAuthChange } from '../../lib/auth-changes.js';
import { clock } from '../../lib/clock.js';

/**
 * What authentication read for a credential (session or API token: its row, the user, the grants),
 * kept for at most `AUTH_CACHE_TTL_MS` so a busy client is not looked up on every request (in a bid
 * storm the lookup was half of the database's work). Never stale beyond what the database can tell:
 * - every process LISTENs on `jq_auth`, which triggers (migration 0012) NOTIFY on commit of any write
 *   authentication reads — revocations, users, grants, organisations, regions — and forgets all;
 * - this process forgets at once when it audits such a write (lib/auth-changes.ts), and again after
 *   the request that made it (identity/hook.ts), so a fill that raced the change is dropped;
 * - a fill is refused if anything was forgotten while it was being read;
 * - without a listening connection (starting, reconnecting, closed) nothing is cached.
 * Expiry is checked against the clock on every request, cached or not.
 */
export const AUTH_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 50_000;
const CHANNEL = 'jq_auth';

export class AuthCache {
  private entries = new Map<string, { at: number; value: unknown }>();
  private listening = false;
  private gen = 0;
  private stop: (() => Promise<void>) | null = null;
  private readonly unsubscribe: () => void;
  private closed = false;
  /** Requests whose transaction wrote what authentication reads; forgotten again when they answer. */
  private readonly changedBy = new Set<string>();

  constructor(
    private readonly database: Database,
    private readonly log?: FastifyBaseLogger,
  ) {
    this.unsubscribe = onAuthChange((requestId) => {
      this.forget();
      if (requestId) {
        if (this.changedBy.size > 10_000) this.changedBy.clear();
        this.changedBy.add(requestId);
      }
    });
  }

  /** Whether it caches now (its listening connection is up). */
  get active(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  get<T>(key: string): T | undefined {
    if (!this.listening) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = clock.now().getTime() - e.at;
    if (age < 0 || age > AUTH_CACHE_TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value as T;
  }

  /** Bumped by every forget; a fill that started under an older generation is refused. */
  get generation(): number {
    return this.gen;
  }

  /** The cached value, else `read()`'s — cached when found (a miss never is) and no change overtook the read. */
  async readThrough<T>(key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.get<T>(key);
    if (hit) return hit;
    const generation = this.gen;
    const value = await read();
    if (value) this.set(key, value, generation);
    return value;
  }

  /** Stores what was read, unless something was forgotten since the read began (`generation` then). */
  set(key: string, value: unknown, generationAtRead: number): void {
    if (!this.listening || generationAtRead !== this.gen) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: clock.now().getTime(), value });
  }

  /** After a request's answer is ready (its transaction committed): forget again if it changed anything. */
  settle(requestId: string): void {
    if (this.changedBy.delete(requestId)) this.forget();
  }

  forget(): void {
    this.gen++;
    this.entries.clear();
  }

  /** Starts listening; caching is on only while the listening connection is up. */
  async start(): Promise<void> {
    this.stop = await listenTo(this.database, CHANNEL, {
      onMessage: () => this.forget(),
      onLost: (err) => {
        this.listening = false;
        this.forget();
        this.log?.warn({ err }, 'authentication cache lost its listening connection; not caching until it is back');
      },
      onRestored: () => {
        this.forget();
        this.listening = !this.closed;
      },
    });
    if (this.closed)
      await this.close(); // closed while it was connecting
    else this.listening = true;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.forget();
    this.unsubscribe();
    const stop = this.stop;
    this.stop = null;
    // The database may be closed already (its connection, and the listener with it, are gone).
    await Promise.resolve()
      .then(() => stop?.())
      .catch(() => {});
  }
}
