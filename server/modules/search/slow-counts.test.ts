import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { slowCount, slowCountSettings } from './slow-counts.js';

const defaults = { ...slowCountSettings };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A counter whose answer we set, taking `delayMs` to count. */
function counter(delayMs: number) {
  const c = {
    answer: 1,
    delayMs,
    calls: 0,
    count: async () => {
      c.calls++;
      const answer = c.answer;
      await sleep(c.delayMs);
      return answer;
    },
  };
  return c;
}

describe('slowCount', () => {
  let db: Db;
  beforeEach(() => {
    db = {} as Db;
    Object.assign(slowCountSettings, { slowMs: 30, freshMs: 60_000, staleMs: 600_000 });
  });
  afterEach(() => {
    Object.assign(slowCountSettings, defaults);
    clock.reset();
  });

  it('counts quick counts live every time', async () => {
    const c = counter(0);
    expect(await slowCount(db, 'k', c.count)).toBe(1);
    c.answer = 2;
    expect(await slowCount(db, 'k', c.count)).toBe(2);
    expect(c.calls).toBe(2);
  });

  it('keeps a slow count while it is fresh, per key', async () => {
    const c = counter(40);
    expect(await slowCount(db, 'k', c.count)).toBe(1);
    c.answer = 2;
    clock.advance(59_000);
    expect(await slowCount(db, 'k', c.count)).toBe(1);
    expect(c.calls).toBe(1);
    // Another key (other filters, other viewer) is counted on its own.
    expect(await slowCount(db, 'other', c.count)).toBe(2);
    // Another database too.
    expect(await slowCount({} as Db, 'k', c.count)).toBe(2);
  });

  it('answers with the stale count while one background count replaces it', async () => {
    const c = counter(40);
    await slowCount(db, 'k', c.count);
    c.answer = 2;
    clock.advance(61_000);
    expect(await slowCount(db, 'k', c.count)).toBe(1); // stale, at once
    expect(await slowCount(db, 'k', c.count)).toBe(1); // the refresh is already running: not a second one
    expect(c.calls).toBe(2);
    await sleep(80);
    expect(await slowCount(db, 'k', c.count)).toBe(2);
    expect(c.calls).toBe(2);
  });

  it('counts again first when the kept count is too old to show', async () => {
    const c = counter(40);
    await slowCount(db, 'k', c.count);
    c.answer = 3;
    clock.advance(601_000);
    expect(await slowCount(db, 'k', c.count)).toBe(3);
  });

  it('stops keeping a count that became quick', async () => {
    const c = counter(40);
    await slowCount(db, 'k', c.count);
    clock.advance(61_000);
    c.delayMs = 0;
    c.answer = 4;
    await slowCount(db, 'k', c.count); // stale answer; the background count is quick, so the entry goes
    await sleep(10);
    c.answer = 5;
    expect(await slowCount(db, 'k', c.count)).toBe(5);
  });

  it('keeps a failed background count from surfacing, and tries again later', async () => {
    const c = counter(40);
    await slowCount(db, 'k', c.count);
    clock.advance(61_000);
    const errors: unknown[] = [];
    const failing = async () => {
      throw new Error('connection lost');
    };
    expect(await slowCount(db, 'k', failing, (e) => errors.push(e))).toBe(1);
    await sleep(5);
    expect(errors).toHaveLength(1);
    c.answer = 6;
    expect(await slowCount(db, 'k', c.count)).toBe(1); // still stale: a new background count starts
    await sleep(80);
    expect(await slowCount(db, 'k', c.count)).toBe(6);
  });
});
