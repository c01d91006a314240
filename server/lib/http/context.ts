import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import type { Mailer } from '../mailer.js';

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
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
