/**
 * A first-come-first-served gate with a fixed number of places and a bounded waiting line.
 *
 * Two things make the embedded database unfair without it (measured in bench:http): PGlite runs
 * each statement synchronously on the event loop, and its own lock hands over to the next waiter in
 * a microtask, so a backlog of statements runs to the end without the process ever reading a socket
 * — a request that arrives meanwhile (even /healthz, which needs no database) waits for the whole
 * backlog. This gate hands a freed place over in a macrotask (`setImmediate`), so pending I/O is read
 * between turns and newcomers queue in arrival order; and when the line is full it refuses at once
 * (the HTTP layer answers 503 with Retry-After) instead of letting clients hang.
 */
export class QueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`The queue is full (${waiting} waiting)`);
    this.name = 'QueueFullError';
  }
}

export class QueueTimeoutError extends Error {
  constructor(readonly waitedMs: number) {
    super(`Waited ${waitedMs} ms for a place`);
    this.name = 'QueueTimeoutError';
  }
}

export interface FairQueueOptions {
  /** Places: how many holders at once. */
  places: number;
  /** Longest waiting line; one more is refused with QueueFullError. Infinity never refuses. */
  maxWaiting?: number;
  /** A waiter still without a place after this long is refused with QueueTimeoutError. */
  maxWaitMs?: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  refuse: (err: Error) => void;
  timer?: NodeJS.Timeout;
  since: number;
}

export interface FairQueueStats {
  places: number;
  busy: number;
  waiting: number;
  served: number;
  refused: number;
}

export class FairQueue {
  readonly places: number;
  readonly maxWaiting: number;
  readonly maxWaitMs: number | undefined;
  private busy = 0;
  private readonly line: Waiter[] = [];
  private head = 0;
  private handing = false;
  private served = 0;
  private refused = 0;

  constructor(opts: FairQueueOptions) {
    if (!(opts.places >= 1)) throw new Error('a queue needs at least one place');
    this.places = opts.places;
    this.maxWaiting = opts.maxWaiting ?? Infinity;
    this.maxWaitMs = opts.maxWaitMs;
  }

  get waiting(): number {
    return this.line.length - this.head;
  }

  stats(): FairQueueStats {
    return { places: this.places, busy: this.busy, waiting: this.waiting, served: this.served, refused: this.refused };
  }

  /** Waits for a place in arrival order; resolves with the function that gives it back (safe to call twice). */
  acquire(): Promise<() => void> {
    if (this.busy < this.places && this.waiting === 0) {
      this.busy++;
      this.served++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting >= this.maxWaiting) {
      this.refused++;
      return Promise.reject(new QueueFullError(this.waiting));
    }
    return new Promise((grant, refuse) => {
      const waiter: Waiter = { grant, refuse, since: performance.now() };
      if (this.maxWaitMs !== undefined) {
        waiter.timer = setTimeout(() => this.expire(waiter), this.maxWaitMs);
        waiter.timer.unref?.();
      }
      this.line.push(waiter);
    });
  }

  /** Runs `fn` holding a place. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy--;
      this.scheduleHandOver();
    };
  }

  /** Hands free places to the first waiters on the next macrotask, so pending I/O is read first. */
  private scheduleHandOver() {
    if (this.handing || this.waiting === 0) return;
    this.handing = true;
    setImmediate(() => {
      this.handing = false;
      while (this.busy < this.places && this.waiting > 0) {
        const next = this.line[this.head]!;
        this.line[this.head++] = undefined as never;
        if (this.head > 1024 && this.head * 2 > this.line.length) {
          this.line.splice(0, this.head);
          this.head = 0;
        }
        if (next.timer) clearTimeout(next.timer);
        this.busy++;
        this.served++;
        next.grant(this.releaser());
      }
    });
  }

  private expire(waiter: Waiter) {
    const i = this.line.indexOf(waiter, this.head);
    if (i < 0) return;
    this.line.splice(i, 1);
    this.refused++;
    waiter.refuse(new QueueTimeoutError(Math.round(performance.now() - waiter.since)));
  }
}
