import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuctionSnapshot } from '../../common/api/trading.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openPostgres, type Database } from '../../server/db/client.js';
import { closeDueAuctions } from '../../server/modules/trading/closing.js';
import { TRADING_PARAMETERS } from '../../server/modules/trading/parameters.js';
import { createTestApp, useTestApp } from '../harness.js';
import { accepted, advanceTo, bid, createAuction, person, qualifiedBidder, seller } from './trading-fixtures.js';

/**
 * The live stream (server-sent events) of an auction: a snapshot on connect, then every accepted bid,
 * extension and the close, as the database delivers them — also to a client of another server
 * process on the same PostgreSQL. The reserve price never travels.
 */
const t = useTestApp();
const RESERVE = 1_050_001;
let base = '';

beforeAll(async () => {
  if (!t.app) return;
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});

interface Message {
  event: string;
  id?: string;
  data: unknown;
}

/** An EventSource-like reader over fetch, keeping every message and the raw text. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const messages: Message[] = [];
  let raw = '';
  let ended = false;
  let markDone = () => {};
  const done = new Promise<void>((r) => (markDone = r));
  const ready = fetch(url, { signal: controller.signal, headers }).then(async (res) => {
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        buf += text;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const chunk = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const m: Partial<Message> & { lines: string[] } = { lines: [] };
          for (const line of chunk.split('\n')) {
            if (line.startsWith('event: ')) m.event = line.slice(7);
            else if (line.startsWith('id: ')) m.id = line.slice(4);
            else if (line.startsWith('data: ')) m.lines.push(line.slice(6));
          }
          if (m.event) messages.push({ event: m.event, id: m.id, data: JSON.parse(m.lines.join('\n')) });
        }
      }
    })()
      .catch(() => {})
      .finally(() => {
        ended = true;
        markDone();
      });
  });
  return {
    messages,
    raw: () => raw,
    ended: () => ended,
    /** Resolves when the server has ended the stream. */
    done: () => ready.then(() => done),
    /** Resolves when a message matching `pred` has arrived (or the stream ended without one). */
    async next(pred: (m: Message) => boolean): Promise<Message> {
      await ready;
      for (let i = 0; i < 2000; i++) {
        const found = messages.find(pred);
        if (found) return found;
        if (ended) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`no such message; got ${messages.map((m) => m.event).join(', ')}`);
    },
    close: () => controller.abort(),
  };
}

async function auctionWithBidders() {
  const staff = await person(t, 'platform_admin');
  const s = await seller(t);
  const auction = await createAuction(s, { reservePriceFen: RESERVE });
  const a = await qualifiedBidder(t, auction, staff);
  const b = await qualifiedBidder(t, auction, staff);
  return { auction, a, b };
}

describe('the auction event stream', () => {
  it('sends a snapshot, every bid and extension, catches up on reconnect, and ends with the close', async () => {
    const { auction, a, b } = await auctionWithBidders();
    advanceTo(auction.startsAt);
    const stream = openStream(`${base}/api/trading/auctions/${auction.id}/events`);
    const snap = (await stream.next((m) => m.event === 'snapshot')).data as AuctionSnapshot;
    expect(snap).toMatchObject({ auctionId: auction.id, status: 'live', currentPriceFen: null, bidCount: 0, history: [] });
    expect(snap.serverTime).toBeTruthy();

    accepted(await bid(a, auction.id, 1_000_000));
    accepted(await bid(b, auction.id, 1_020_000));
    const second = await stream.next((m) => m.event === 'bid' && m.id === '2');
    expect(second.data).toMatchObject({
      bid: { seq: 2, amountFen: 1_020_000, bidderNumber: b.registration.bidderNumber },
      state: { leaderNumber: b.registration.bidderNumber, minimumBidFen: 1_030_000 },
    });

    advanceTo(new Date(new Date(auction.endsAt).getTime() - 60_000));
    const late = accepted(await bid(a, auction.id, 1_100_000));
    const extended = await stream.next((m) => m.event === 'extended');
    expect(extended.data).toMatchObject({ previousEndsAt: auction.endsAt, endsAt: late.state.endsAt, bySeq: 3 });
    expect(new Date(late.state.endsAt).getTime() - new Date(late.bid.placedAt).getTime()).toBe(TRADING_PARAMETERS.softCloseExtensionMs);

    // A reconnect (with the last id it saw) starts from a snapshot holding everything so far.
    const again = openStream(`${base}/api/trading/auctions/${auction.id}/events`, { 'last-event-id': '1' });
    const caught = (await again.next((m) => m.event === 'snapshot')).data as AuctionSnapshot;
    expect(caught.history.map((h) => h.seq)).toEqual([3, 2, 1]);
    expect(caught).toMatchObject({ currentPriceFen: 1_100_000, endsAt: late.state.endsAt, lastSeq: 3 });

    advanceTo(new Date(new Date(late.state.endsAt).getTime() + 1000));
    await closeDueAuctions({ db: t.db });
    for (const s of [stream, again]) {
      const closed = await s.next((m) => m.event === 'closed');
      expect(closed.data).toMatchObject({
        state: { status: 'sold', winnerNumber: a.registration.bidderNumber, currentPriceFen: 1_100_000 },
      });
      await s.next(() => s.ended()).catch(() => {});
      expect(s.raw()).not.toContain(String(RESERVE));
      expect(s.raw()).not.toContain('reserve');
    }
    expect(stream.messages.filter((m) => m.event === 'bid').map((m) => m.id)).toEqual(['1', '2', '3']);
  });

  it('answers a closed auction with its snapshot and the close, then ends', async () => {
    const { auction, a } = await auctionWithBidders();
    advanceTo(auction.startsAt);
    accepted(await bid(a, auction.id, 1_000_000));
    advanceTo(new Date(new Date(auction.endsAt).getTime() + 1000));
    await closeDueAuctions({ db: t.db });
    const res = await t.app.inject({ method: 'GET', url: `/api/trading/auctions/${auction.id}/events` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^retry: 3000\n\nevent: snapshot\nid: 1\ndata: .*\n\nevent: closed\ndata: /s);
    expect(res.body).not.toContain(String(RESERVE));
    const missing = await t.app.inject({ method: 'GET', url: '/api/trading/auctions/00000000-0000-4000-8000-000000000000/events' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('shutting down', () => {
  it('ends the open event streams, so closing the server completes', async () => {
    // A server of its own: closing it is the point.
    const own = await createTestApp();
    try {
      const s = await seller(own);
      const auction = await createAuction(s);
      const ownBase = await own.app.listen({ port: 0, host: '127.0.0.1' });
      const streams = [
        openStream(`${ownBase}/api/trading/auctions/${auction.id}/events`),
        openStream(`${ownBase}/api/trading/auctions/${auction.id}/events`),
      ];
      for (const stream of streams) await stream.next((m) => m.event === 'snapshot');
      expect(streams.some((x) => x.ended())).toBe(false);
      // Without the streams being ended, close() would wait for the clients to hang up.
      await own.app.close();
      for (const stream of streams) {
        await stream.done();
        expect(stream.ended()).toBe(true);
        expect(stream.messages.map((m) => m.event)).toEqual(['snapshot']);
      }
    } finally {
      await own.database.close();
    }
  });
});

describe('on PostgreSQL, a second server process', () => {
  let other: { app: FastifyInstance; database: Database; base: string } | undefined;
  beforeAll(async () => {
    if (!t.app || t.kind !== 'postgres') return;
    const database = await openPostgres(t.database.pool!.options.connectionString!, 3);
    const config = loadConfig({ NODE_ENV: 'test', JINQIAO_DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent/jinqiao-web-dist' });
    const app = await buildApp({ config, database, logger: false });
    other = { app, database, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.database.close();
  });

  it('streams to its clients the bids accepted by this one (LISTEN/NOTIFY)', async (ctx) => {
    if (!other) return ctx.skip();
    const { auction, a, b } = await auctionWithBidders();
    advanceTo(auction.startsAt);
    const stream = openStream(`${other.base}/api/trading/auctions/${auction.id}/events`);
    await stream.next((m) => m.event === 'snapshot');
    accepted(await bid(a, auction.id, 1_000_000));
    accepted(await bid(b, auction.id, 1_010_000));
    const seen = await stream.next((m) => m.event === 'bid' && m.id === '2');
    expect(seen.data).toMatchObject({ bid: { amountFen: 1_010_000 } });
    stream.close();
  });
});
