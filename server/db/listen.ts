import pg from 'pg';
import type { Database } from './client.js';

/**
 * LISTEN on one channel of the database, for a process's in-memory fan-out (auction events, the
 * authentication cache). PostgreSQL delivers a NOTIFY on commit, in commit order, to every
 * listening session; LISTEN cannot share a pooled connection, so on PostgreSQL this keeps one
 * dedicated client, reconnecting with backoff (250 ms doubling to 10 s). On the embedded database
 * it is PGlite's own `listen`.
 *
 * `onLost`: the connection dropped — notifications may be missed until `onRestored`, which runs
 * once LISTEN is in place again (a consumer resyncs there). The first connection's failure is
 * thrown to the caller; later ones are retried.
 */
export interface ListenHandlers {
  onMessage(payload: string): void;
  onLost?(err: unknown): void;
  onRestored?(): void;
}

export async function listenTo(database: Database, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  if (database.kind === 'pglite') {
    const unlisten = await database.pglite!.listen(channel, (payload) => handlers.onMessage(payload));
    return async () => unlisten();
  }
  let stopped = false;
  let current: pg.Client | null = null;

  const connect = async (attempt: number): Promise<void> => {
    const client = new pg.Client({ connectionString: database.pool!.options.connectionString });
    current = client;
    let ended = false;
    const lost = (err: unknown) => {
      if (ended || stopped) return;
      ended = true;
      handlers.onLost?.(err);
      client.end().catch(() => {});
      setTimeout(
        () => {
          if (stopped) return;
          // A failed attempt has already reported itself and scheduled the next one.
          connect(attempt + 1)
            .then(() => handlers.onRestored?.())
            .catch(() => {});
        },
        Math.min(10_000, 250 * 2 ** attempt),
      ).unref();
    };
    client.on('notification', (m) => {
      if (m.channel === channel) handlers.onMessage(m.payload ?? '');
    });
    client.on('error', lost);
    client.on('end', () => lost(new Error('the listening connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      if (attempt === 0) {
        ended = true;
        await client.end().catch(() => {});
        throw err;
      }
      lost(err);
      throw err;
    }
  };

  await connect(0);
  return async () => {
    stopped = true;
    await current?.end().catch(() => {});
  };
}
