import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuctionEventName, AuctionSnapshot } from '../../../common/api/trading.js';
import type { Db } from '../../db/client.js';
import { clock } from '../../lib/clock.js';
import { getAuctionSnapshot } from './bid-history.js';
import type { AuctionEventHub, HubMessage } from './events.js';

/**
 * GET /api/trading/auctions/:id/events: a snapshot first (price, leader, history, end, server time,
 * status), then bid / extended / closed events as the database delivers them, and a heartbeat with
 * the server time. Every (re)connect starts with a snapshot, so a client that lost its connection
 * has caught up as soon as it is back (Last-Event-ID is accepted and needs nothing more). Events
 * already covered by the snapshot are skipped by their sequence number.
 */
export const HEARTBEAT_MS = 15_000;
const TERMINAL = new Set(['sold', 'failed', 'cancelled', 'defaulted']);

export async function streamAuctionEvents(opts: {
  db: Db;
  hub: AuctionEventHub;
  auctionId: string;
  req: FastifyRequest;
  reply: FastifyReply;
}) {
  const { db, hub, auctionId, req, reply } = opts;
  let ready = false;
  let ended = false;
  let lastSeq = 0;
  const pending: HubMessage[] = [];
  const raw = reply.raw;

  const send = (event: AuctionEventName, data: unknown, id?: number) => {
    if (ended) return;
    raw.write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  };
  const finish = () => {
    if (ended) return;
    ended = true;
    cleanup();
    raw.end();
  };
  const sendSnapshot = (s: AuctionSnapshot) => {
    lastSeq = s.lastSeq;
    send('snapshot', s, s.lastSeq);
    if (TERMINAL.has(s.status)) {
      send('closed', { auctionId, state: { ...s, history: undefined } });
      finish();
    } else hub.watchEnd(auctionId, new Date(s.endsAt));
  };
  const forward = (m: HubMessage) => {
    if (m === 'shutdown') return finish();
    if (m === 'resync') {
      getAuctionSnapshot({ db, auctionId })
        .then(sendSnapshot)
        .catch((err: unknown) => req.log.warn({ err }, 'auction snapshot on resync failed'));
      return;
    }
    const bid = m.find((e) => e.event === 'bid');
    if (bid && bid.data.bid.seq <= lastSeq) return; // already in the snapshot
    for (const e of m) {
      if (e.event === 'bid') {
        lastSeq = e.data.bid.seq;
        send('bid', e.data, e.data.bid.seq);
      } else send(e.event, e.data);
      if (e.event === 'closed') return finish();
    }
  };

  const unsubscribe = await hub.subscribe(auctionId, (m) => (ready ? forward(m) : pending.push(m)));
  let snapshot: AuctionSnapshot;
  try {
    snapshot = await getAuctionSnapshot({ db, auctionId });
  } catch (err) {
    unsubscribe();
    throw err;
  }
  const heartbeat = setInterval(() => send('heartbeat', { serverTime: clock.now().toISOString() }), HEARTBEAT_MS);
  heartbeat.unref();
  function cleanup() {
    clearInterval(heartbeat);
    unsubscribe();
  }

  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(req.id),
  });
  raw.write('retry: 3000\n\n');
  req.raw.on('close', () => {
    ended = true;
    cleanup();
  });
  sendSnapshot(snapshot);
  ready = true;
  for (const m of pending.splice(0)) if (!ended) forward(m);
}
