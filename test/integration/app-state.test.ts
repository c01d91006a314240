import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseAvailable, type TestApp } from '../harness.js';
import { auctionBody, fieldsOf, seller } from './trading-fixtures.js';

/**
 * Two apps in one process (test files share a worker) keep their own state: what one app's clock,
 * settings or kept counts say never leaks into the other's answers.
 */
const DAY = 86_400_000;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  if (!testDatabaseAvailable()) return;
  a = await createTestApp();
  b = await createTestApp();
});
beforeEach((ctx) => {
  if (!testDatabaseAvailable()) ctx.skip();
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('two apps in one process', () => {
  it('keep their own clocks: moving one app forward does not move the other', async () => {
    a.app.ctx.clock.advance(30 * DAY);
    // Announced a week and a minute ahead by the other app's time: long past for the app moved forward.
    const inA = await seller(a);
    const refused = await inA.session.inject({ method: 'POST', url: '/api/trading/auctions', payload: auctionBody(inA.achievementId) });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toContain('body.startsAt');
    const inB = await seller(b);
    const accepted = await inB.session.inject({ method: 'POST', url: '/api/trading/auctions', payload: auctionBody(inB.achievementId) });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('keep their own search settings', async () => {
    a.app.ctx.search.settings.broadQueryWindow = 1;
    expect(b.app.ctx.search.settings.broadQueryWindow).toBe(1000);
    expect(a.app.ctx.search.slowCounts).not.toBe(b.app.ctx.search.slowCounts);
    expect(a.app.ctx.bidLanes).not.toBe(b.app.ctx.bidLanes);
  });
});
