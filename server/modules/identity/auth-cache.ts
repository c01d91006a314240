import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Database } from '../../db/client.js';
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
  /** Bumped by every forget; a fill that started under an older generation is refused. */
  generation = 0;
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

  /** Stores what was read, unless something was forgotten since the read began (`generation` then). */
  set(key: string, value: unknown, generationAtRead: number): void {
    if (!this.listening || generationAtRead !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: clock.now().getTime(), value });
  }

  /** After a request's answer is ready (its transaction committed): forget again if it changed anything. */
  settle(requestId: string): void {
    if (this.changedBy.delete(requestId)) this.forget();
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Starts listening; caching is on only while the listening connection is up. */
  async start(): Promise<void> {
    if (this.database.kind === 'pglite') {
      const unlisten = await this.database.pglite!.listen(CHANNEL, () => this.forget());
      this.stop = () => unlisten();
      this.listening = true;
      return;
    }
    await this.connectPg(0);
  }

  private async connectPg(attempt: number): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.pool!.options.connectionString });
    let ended = false;
    const lost = () => {
      this.listening = false;
      this.forget();
      if (ended || this.closed) return;
      ended = true;
      client.end().catch(() => {});
      setTimeout(() => {
        this.connectPg(attempt + 1).catch((err: unknown) => this.log?.error({ err }, 'authentication cache: reconnect failed'));
      }, Math.min(10_000, 250 * 2 ** attempt)).unref();
    };
    client.on('notification', (m) => {
      if (m.channel === CHANNEL) this.forget();
    });
    client.on('error', (err) => {
      this.log?.warn({ err }, 'authentication cache lost its listening connection; not caching until it is back');
      lost();
    });
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      if (attempt === 0) {
        ended = true;
        await client.end().catch(() => {});
        throw err;
      }
      lost();
      return;
    }
    this.forget();
    this.listening = true;
    this.stop = async () => {
      ended = true;
      await client.end().catch(() => {});
    };
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
