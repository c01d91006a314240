/**
 * The medium tier: services against a real, migrated database with their real collaborators (the
 * audit log, the statistics facts a certification writes, the region tree), but no Fastify app, no
 * HTTP, no login. A test calls the service functions the routes call, as an actor the factories make.
 * Immich's server/test/medium is the model.
 *
 * What it skips, and so what it cannot catch: route schemas, `config.access`, CSRF, presenters,
 * problem+json. Those stay in test/integration (the authorisation matrix covers every route).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Database, Db } from '../../server/db/client.js';
import type { Actor } from '../../server/lib/actor.js';
import { clock } from '../../server/lib/clock.js';
import * as audit from '../../server/modules/audit/service.js';
import * as catalog from '../../server/modules/catalog/service.js';
import * as contracts from '../../server/modules/contracts/service.js';
import * as statisticsFacts from '../../server/modules/statistics/facts.js';
import * as statisticsFlows from '../../server/modules/statistics/flows.js';
import * as statistics from '../../server/modules/statistics/service.js';
import * as statisticsTargets from '../../server/modules/statistics/targets.js';
import { actorFor, createUser, type TestUser, type UserOptions } from '../factories.js';
import { openTestDatabase } from '../harness.js';

/**
 * The services a medium test calls, by module. One place to wire them: when a service needs per-app
 * state (settings, caches, the clock), the harness creates it here and the tests do not change.
 */
export const services = {
  audit,
  catalog,
  contracts,
  statistics: { ...statistics, ...statisticsFlows, ...statisticsTargets, ...statisticsFacts },
};

/** A user with a role, and the `Actor` the services see for them after login (their effective grants). */
export interface TestActor {
  user: TestUser;
  actor: Actor;
}

export interface MediumContext {
  db: Db;
  database: Database;
  services: typeof services;
  /** A new user holding `role` (a fresh active organisation for organisation roles unless one is given), as an actor. */
  actorWith(opts: UserOptions): Promise<TestActor>;
  /** The actor of an existing user, grants as they are now. */
  actorOf(user: TestUser): Promise<Actor>;
}

/**
 * One fresh migrated database for the test file (PGlite loaded from the run's snapshot, see
 * test/pglite-global-setup.ts; migrated from scratch when run without it). The returned object is
 * filled in `beforeAll`: read its fields inside tests and hooks. The clock is reset after the file.
 */
export function useMediumDatabase(): MediumContext {
  const ctx = { services } as MediumContext;
  beforeAll(async () => {
    const database = await openTestDatabase('pglite');
    ctx.database = database;
    ctx.db = database.db;
    ctx.actorOf = (user) => actorFor(database.db, user);
    ctx.actorWith = async (opts) => {
      const user = await createUser(database.db, opts);
      return { user, actor: await actorFor(database.db, user) };
    };
  });
  afterAll(async () => {
    clock.reset();
    await ctx.database?.close();
  });
  return ctx;
}
