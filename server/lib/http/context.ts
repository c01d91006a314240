import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import type { SearchState } from '../../modules/search/service.js';
import type { BidLanes } from '../../modules/trading/bid-lane.js';
import type { PaymentChannel } from '../../modules/trading/payment.js';
import type { Clock } from '../clock.js';
import type { Mailer } from '../mailer.js';

/** One app's state, made in buildApp (see the top of server/app.ts): `app.ctx` in routes, the job context in jobs. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  /** The app's clock: its requests and jobs run on it (lib/clock.ts). */
  clock: Clock;
  /** Search settings and the kept slow counts. */
  search: SearchState;
  /** Trading's per-auction bid queues and least acceptable amounts. */
  bidLanes: BidLanes;
  /** How deposits, refunds and payments are verified (manual unless the deployment gives another). */
  paymentChannel: PaymentChannel;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** What a module's routes file exports: a plugin registering its routes with the Zod type provider. */
export type Routes = (app: FastifyInstance) => Promise<void> | void;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const SESSION_COOKIE = 'jq_session';
export const CSRF_COOKIE = 'jq_csrf';
export const CSRF_HEADER = 'x-csrf-token';
