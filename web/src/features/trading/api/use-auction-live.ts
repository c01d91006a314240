import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AuctionEventName, AuctionLiveState, AuctionSnapshot, BidView } from '../../../../../common/api/trading';
import { api } from '../../../lib/api';
import { noteServerTime } from './server-clock';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'finished';

export interface Extension {
  previousEndsAt: string;
  endsAt: string;
  bySeq: number;
}

export interface LiveAuction {
  state: AuctionLiveState | null;
  /** Newest first, one entry per sequence number. */
  history: BidView[];
  connection: Connection;
  /** The latest soft-close extension seen live (a snapshot after a reconnect shows it through endsAt ≠ originalEndsAt). */
  extension: Extension | null;
}

type Action =
  | { type: 'snapshot'; snapshot: AuctionSnapshot }
  | { type: 'bid'; bid: BidView; state: AuctionLiveState }
  | { type: 'extended'; extension: Extension }
  | { type: 'closed'; state: AuctionLiveState }
  | { type: 'connection'; connection: Connection };

function mergeHistory(current: BidView[], incoming: BidView[]): BidView[] {
  const bySeq = new Map<number, BidView>();
  for (const b of current) bySeq.set(b.seq, b);
  for (const b of incoming) bySeq.set(b.seq, b);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

/** A newer state replaces an older one; an older one (an event overtaken by a snapshot) is ignored. */
function newer(current: AuctionLiveState | null, next: AuctionLiveState): AuctionLiveState {
  if (!current) return next;
  if (next.lastSeq < current.lastSeq) return current;
  if (next.lastSeq === current.lastSeq && Date.parse(next.serverTime) < Date.parse(current.serverTime)) return current;
  return next;
}

export function liveReducer(live: LiveAuction, action: Action): LiveAuction {
  switch (action.type) {
    case 'snapshot': {
      const { history, ...state } = action.snapshot;
      return { ...live, state: newer(live.state, state), history: mergeHistory(live.history, history) };
    }
    case 'bid': {
      const { bid } = action;
      // A bid that moved the end is an extension, whether or not the `extended` event comes too.
      const extension =
        bid.extended && (!live.extension || live.extension.bySeq < bid.seq)
          ? { previousEndsAt: live.state?.endsAt ?? bid.endsAtAfter, endsAt: bid.endsAtAfter, bySeq: bid.seq }
          : live.extension;
      return { ...live, state: newer(live.state, action.state), history: mergeHistory(live.history, [bid]), extension };
    }
    case 'extended': {
      if (live.extension && live.extension.bySeq > action.extension.bySeq) return live;
      const state =
        live.state && Date.parse(action.extension.endsAt) > Date.parse(live.state.endsAt)
          ? { ...live.state, endsAt: action.extension.endsAt }
          : live.state;
      return { ...live, state, extension: action.extension };
    }
    case 'closed':
      return {
        ...live,
        state: { ...action.state, lastSeq: Math.max(action.state.lastSeq, live.state?.lastSeq ?? 0) },
        connection: 'finished',
      };
    case 'connection':
      return live.connection === 'finished' ? live : { ...live, connection: action.connection };
  }
}

const FINAL = ['sold', 'failed', 'cancelled', 'defaulted'];
/** No message (not even a heartbeat) for this long: the connection is dead even if the browser has not noticed. */
const SILENCE_MS = 35_000;

/**
 * The live state of an auction from its server-sent events: a snapshot first (and again after every
 * reconnect, which is how a client catches up), then bids, extensions, the close and heartbeats.
 * EventSource reconnects by itself after a network drop; when it gives up (an HTTP error) or goes
 * silent, a new one is opened with a growing pause.
 */
export function useAuctionLive(auctionId: string): LiveAuction & { applyBid: (bid: BidView, state: AuctionLiveState) => void } {
  const [live, dispatch] = useReducer(liveReducer, { state: null, history: [], connection: 'connecting', extension: null });
  const finished = useRef(false);

  useEffect(() => {
    if (!auctionId) return;
    finished.current = false;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let disposed = false;

    const heard = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => reopen(), SILENCE_MS);
    };
    const on = <T>(name: AuctionEventName, handle: (data: T) => void) =>
      source!.addEventListener(name, (e) => {
        heard();
        failures = 0;
        handle(JSON.parse((e as MessageEvent<string>).data) as T);
      });

    const open = () => {
      if (disposed || finished.current) return;
      source = new EventSource(`/api/trading/auctions/${encodeURIComponent(auctionId)}/events`);
      heard();
      source.onopen = () => dispatch({ type: 'connection', connection: 'open' });
      source.onerror = () => {
        dispatch({ type: 'connection', connection: 'reconnecting' });
        if (source?.readyState === EventSource.CLOSED) reopen();
      };
      on<AuctionSnapshot>('snapshot', (snapshot) => {
        noteServerTime(snapshot.serverTime);
        dispatch({ type: 'connection', connection: 'open' });
        dispatch({ type: 'snapshot', snapshot });
        if (FINAL.includes(snapshot.status)) {
          dispatch({ type: 'connection', connection: 'finished' });
          finish();
        }
      });
      on<{ bid: BidView; state: AuctionLiveState }>('bid', ({ bid, state }) => {
        noteServerTime(state.serverTime);
        dispatch({ type: 'bid', bid, state });
      });
      on<Extension & { serverTime: string }>('extended', ({ previousEndsAt, endsAt, bySeq, serverTime }) => {
        noteServerTime(serverTime);
        dispatch({ type: 'extended', extension: { previousEndsAt, endsAt, bySeq } });
      });
      on<{ state: AuctionLiveState }>('closed', ({ state }) => {
        noteServerTime(state.serverTime);
        dispatch({ type: 'closed', state });
        finish();
      });
      on<{ serverTime: string }>('heartbeat', ({ serverTime }) => noteServerTime(serverTime));
    };

    const close = () => {
      source?.close();
      source = null;
      clearTimeout(silenceTimer);
    };
    const finish = () => {
      finished.current = true;
      close();
      clearTimeout(retryTimer);
    };
    function reopen() {
      close();
      if (disposed || finished.current) return;
      dispatch({ type: 'connection', connection: 'reconnecting' });
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, Math.min(15_000, 1000 * 2 ** failures++));
    }
    // Back online or back to the tab: try at once rather than waiting out the pause.
    const wake = () => {
      if (!source && !disposed && !finished.current && document.visibilityState === 'visible') {
        clearTimeout(retryTimer);
        failures = 0;
        open();
      }
    };

    open();
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      disposed = true;
      finish();
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [auctionId]);

  // Until the stream has said anything, the plain snapshot fills the screen.
  useEffect(() => {
    if (!auctionId) return;
    const controller = new AbortController();
    api
      .get<AuctionSnapshot>(`/api/trading/auctions/${encodeURIComponent(auctionId)}/live`, undefined, controller.signal)
      .then((snapshot) => {
        noteServerTime(snapshot.serverTime);
        dispatch({ type: 'snapshot', snapshot });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [auctionId]);

  const applyBid = useCallback((bid: BidView, state: AuctionLiveState) => dispatch({ type: 'bid', bid, state }), []);
  return { ...live, applyBid };
}
