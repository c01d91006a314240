import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { authChanged } from '../../lib/auth-changes.js';
import { clock } from '../../lib/clock.js';
import { AUTH_CACHE_TTL_MS, AuthCache } from './auth-cache.js';

/** A database whose only use here is LISTEN: the test delivers notifications itself. */
function fakeDatabase() {
  const heard: Array<() => void> = [];
  const database = {
    kind: 'pglite',
    pglite: { listen: async (_channel: string, cb: () => void) => (heard.push(cb), async () => {}) },
  } as unknown as Database;
  return { database, notify: () => heard.forEach((cb) => cb()) };
}

afterEach(() => clock.reset());

describe('AuthCache', () => {
  it('caches nothing until it listens, then holds an entry for its time limit', async () => {
    const { database } = fakeDatabase();
    const cache = new AuthCache(database);
    cache.set('k', { id: 1 }, cache.generation);
    expect(cache.get('k')).toBeUndefined();
    await cache.start();
    cache.set('k', { id: 1 }, cache.generation);
    expect(cache.get('k')).toEqual({ id: 1 });
    clock.advance(AUTH_CACHE_TTL_MS + 1);
    expect(cache.get('k')).toBeUndefined();
    await cache.close();
  });

  it('refuses a fill that a change overtook while it was being read', async () => {
    const { database, notify } = fakeDatabase();
    const cache = new AuthCache(database);
    await cache.start();
    const atRead = cache.generation;
    notify(); // another process committed a change meanwhile
    cache.set('k', { stale: true }, atRead);
    expect(cache.get('k')).toBeUndefined();
    await cache.close();
  });

  it('reads through: a found value is cached, a miss is not, and a read that a change overtook is not kept', async () => {
    const { database, notify } = fakeDatabase();
    const cache = new AuthCache(database);
    await cache.start();
    let reads = 0;
    expect(await cache.readThrough('gone', async () => (reads++, undefined))).toBeUndefined();
    expect(await cache.readThrough('gone', async () => (reads++, undefined))).toBeUndefined();
    expect(reads).toBe(2);
    expect(await cache.readThrough('a', async () => (reads++, { v: 1 }))).toEqual({ v: 1 });
    expect(await cache.readThrough('a', async () => (reads++, { v: 2 }))).toEqual({ v: 1 });
    expect(reads).toBe(3);
    expect(await cache.readThrough('b', async () => (notify(), { stale: true }))).toEqual({ stale: true });
    expect(cache.get('b')).toBeUndefined();
    await cache.close();
  });

  it("forgets on this process's audited change, and again when the request that made it answers", async () => {
    const { database } = fakeDatabase();
    const cache = new AuthCache(database);
    await cache.start();
    authChanged('req-1'); // writeAudit, before the commit
    const atRead = cache.generation;
    cache.set('k', { readBeforeCommit: true }, atRead); // a concurrent request's fill
    expect(cache.get('k')).toBeDefined();
    cache.settle('req-2'); // an unrelated request answering changes nothing
    expect(cache.get('k')).toBeDefined();
    cache.settle('req-1'); // the changing request answers: its transaction has committed
    expect(cache.get('k')).toBeUndefined();
    await cache.close();
  });

  it('stops caching and forgets everything when closed', async () => {
    const { database } = fakeDatabase();
    const cache = new AuthCache(database);
    await cache.start();
    cache.set('k', 1, cache.generation);
    await cache.close();
    expect(cache.active).toBe(false);
    expect(cache.get('k')).toBeUndefined();
  });
});
