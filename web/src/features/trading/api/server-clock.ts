import { useEffect, useState } from 'react';

/**
 * The server's clock as seen from this browser. Every trading view and live event carries
 * `serverTime`; the difference to the browser's clock is kept here, so countdowns run on the
 * server's time even when the visitor's computer clock is wrong.
 */
let offsetMs = 0;

/** Notes a `serverTime` that just arrived (the transit time, a few milliseconds, is ignored). */
export function noteServerTime(iso: string | null | undefined): void {
  if (!iso) return;
  const server = Date.parse(iso);
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

/** Milliseconds since the epoch by the server's clock. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The server's time, re-rendering every `intervalMs`. */
export function useServerNow(intervalMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
