import { beforeEach, describe, expect, it } from 'vitest';
import { createClock, type Clock } from '../../lib/clock.js';
import { SlowCounts } from './slow-counts.js';

/** Lets every pending promise (a background count) settle. */
const settle = () => new Promise((r) => setImmediate(r));

/**
 * A counter whose answer we set. Counting "takes" `delayMs` on the injected clock, never on the wall
 * clock, so a loaded machine cannot turn a quick count into a slow one.
 */
function counter(clock: Clock, delayMs: number) {
  const c = {
    answer: 1,
    delayMs,
    calls: 0,
    count: async () => {
      c.calls++;
      const answer = c.answer;
      await Promise.resolve();
      clock.advance(c.delayMs);
      return answer;
    },
  };
  return c;
}

describe('SlowCounts', () => {
  let clock: Clock;
  let counts: SlowCounts;
  beforeEach(() => {
    clock = createClock();
    counts = new SlowCounts(clock, { slowMs: 30, freshMs: 60_000, staleMs: 600_000 });
  });

  it('counts quick counts live every time', async () => {
    const c = counter(clock, 29);
    expect(await counts.count('k', c.count)).toBe(1);
    c.answer = 2;
    expect(await counts.count('k', c.count)).toBe(2);
    expect(c.calls).toBe(2);
  });

  it('keeps a slow count while it is fresh, per key and per app', async () => {
    const c = counter(clock, 40);
    expect(await counts.count('k', c.count)).toBe(1);
    c.answer = 2;
    clock.advance(59_000);
    expect(await counts.count('k', c.count)).toBe(1);
    expect(c.calls).toBe(1);
    // Another key (other filters, other viewer) is counted on its own.
    expect(await counts.count('other', c.count)).toBe(2);
    // Another app's counts too.
    expect(await new SlowCounts(clock, counts.settings).count('k', c.count)).toBe(2);
  });

  it('answers with the stale count while one background count replaces it', async () => {
    const c = counter(clock, 40);
    await counts.count('k', c.count);
    c.answer = 2;
    clock.advance(61_000);
    expect(await counts.count('k', c.count)).toBe(1); // stale, at once
    expect(await counts.count('k', c.count)).toBe(1); // the refresh is already running: not a second one
    expect(c.calls).toBe(2);
    await settle();
    expect(await counts.count('k', c.count)).toBe(2);
    expect(c.calls).toBe(2);
  });

  it('counts again first when the kept count is too old to show', async () => {
    const c = counter(clock, 40);
    await counts.count('k', c.count);
    c.answer = 3;
    clock.advance(601_000);
    expect(await counts.count('k', c.count)).toBe(3);
  });

  it('stops keeping a count that became quick', async () => {
    const c = counter(clock, 40);
    await counts.count('k', c.count);
    clock.advance(61_000);
    c.delayMs = 0;
    c.answer = 4;
    await counts.count('k', c.count); // stale answer; the background count is quick, so the entry goes
    await settle();
    c.answer = 5;
    expect(await counts.count('k', c.count)).toBe(5);
  });

  it('keeps a failed background count from surfacing, and tries again later', async () => {
    const c = counter(clock, 40);
    await counts.count('k', c.count);
    clock.advance(61_000);
    const errors: unknown[] = [];
    const failing = async () => {
      throw new Error('connection lost');
    };
    expect(await counts.count('k', failing, (e) => errors.push(e))).toBe(1);
    await settle();
    expect(errors).toHaveLength(1);
    c.answer = 6;
    expect(await counts.count('k', c.count)).toBe(1); // still stale: a new background count starts
    await settle();
    expect(await counts.count('k', c.count)).toBe(6);
  });

  it('forgets every kept count on demand', async () => {
    const c = counter(clock, 40);
    await counts.count('k', c.count);
    c.answer = 7;
    counts.forget();
    expect(await counts.count('k', c.count)).toBe(7);
  });
});
