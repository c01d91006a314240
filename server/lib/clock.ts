import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The server's clock. Everything time-dependent reads `clock.now()`, so tests can move time.
 *
 * Each app has its own clock (`app.ctx.clock`, made in buildApp): its requests and jobs run inside
 * `runWithClock`, so `clock` below answers with that app's time, and two apps in one process do not
 * move each other's. Outside any request or job (scripts, benches, test code calling a service
 * directly) `clock` answers with the ambient clock: the process's own, or the clock of the test app
 * the harness points it at (`useAmbientClock`).
 */
export interface Clock {
  now(): Date;
  /** Test helper: shift the clock forward. */
  advance(ms: number): void;
  reset(): void;
}

export function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms) {
      offsetMs += ms;
    },
    reset() {
      offsetMs = 0;
    },
  };
}

const entered = new AsyncLocalStorage<Clock>();
const processClock = createClock();
/** Clocks made ambient and not yet left, latest last; empty: the process's own. */
const ambientStack: Clock[] = [];

/** Runs `fn` (and everything it starts) on `c`. */
export function runWithClock<T>(c: Clock, fn: () => T): T {
  // `clock` itself stands for the clock in force here: enter that one (entering `clock` would loop).
  return entered.run(c === clock ? currentClock() : c, fn);
}

/** The clock in force here: the app's inside its requests and jobs, else the ambient one. */
export const currentClock = (): Clock => entered.getStore() ?? ambientStack.at(-1) ?? processClock;

/**
 * Makes `c` the clock outside requests and jobs until the returned function is called (the test
 * harness, for the app of the file); then the one before it is again.
 */
export function useAmbientClock(c: Clock): () => void {
  ambientStack.push(c);
  return () => {
    const at = ambientStack.lastIndexOf(c);
    if (at >= 0) ambientStack.splice(at, 1);
  };
}

export const clock: Clock = {
  now: () => currentClock().now(),
  advance: (ms) => currentClock().advance(ms),
  reset: () => currentClock().reset(),
};
