import { describe, expect, it } from 'vitest';
import { FairQueue, QueueFullError, QueueTimeoutError } from './fair-queue.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('FairQueue', () => {
  it('serves waiters in arrival order', async () => {
    const q = new FairQueue({ places: 1 });
    const order: number[] = [];
    const hold = await q.acquire();
    const runs = [1, 2, 3, 4, 5].map((n) => q.run(async () => void order.push(n)));
    expect(q.waiting).toBe(5);
    hold();
    await Promise.all(runs);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('a newcomer does not jump a waiter when a place frees', async () => {
    const q = new FairQueue({ places: 1 });
    const order: string[] = [];
    const hold = await q.acquire();
    const first = q.run(async () => void order.push('waiting'));
    hold(); // the place is handed over on the next macrotask …
    const late = q.run(async () => void order.push('newcomer')); // … so this one queues behind
    await Promise.all([first, late]);
    expect(order).toEqual(['waiting', 'newcomer']);
  });

  it('hands a freed place over in a macrotask, so I/O callbacks run between holders', async () => {
    // Holders that never yield to the event loop (as PGlite's synchronous statements) must still
    // let a timer or socket callback in between them.
    const q = new FairQueue({ places: 1 });
    const events: string[] = [];
    const chain = Array.from({ length: 50 }, (_, i) => q.run(async () => void events.push(`s${i}`)));
    setImmediate(() => events.push('io'));
    await Promise.all(chain);
    const io = events.indexOf('io');
    expect(io).toBeGreaterThan(0);
    expect(io).toBeLessThan(5);
  });

  it('refuses beyond the longest line, and counts it', async () => {
    const q = new FairQueue({ places: 2, maxWaiting: 1 });
    const a = await q.acquire();
    const b = await q.acquire();
    const waiting = q.acquire();
    await expect(q.acquire()).rejects.toBeInstanceOf(QueueFullError);
    expect(q.stats()).toMatchObject({ busy: 2, waiting: 1, refused: 1 });
    a();
    const c = await waiting;
    b();
    c();
    await tick();
    expect(q.stats()).toMatchObject({ busy: 0, waiting: 0, served: 3 });
  });

  it('refuses a waiter that waited too long and keeps the line moving', async () => {
    const q = new FairQueue({ places: 1, maxWaitMs: 20 });
    const hold = await q.acquire();
    await expect(q.acquire()).rejects.toBeInstanceOf(QueueTimeoutError);
    const next = q.acquire();
    hold();
    const release = await next;
    release();
    expect(q.stats()).toMatchObject({ busy: 0, waiting: 0, refused: 1 });
  });

  it('giving a place back twice frees it once', async () => {
    const q = new FairQueue({ places: 1 });
    const release = await q.acquire();
    release();
    release();
    expect(q.stats().busy).toBe(0);
    const again = await q.acquire();
    expect(q.stats().busy).toBe(1);
    again();
  });
});
