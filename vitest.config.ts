import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * `unit` (pure rules, no database); `medium` (services against a real PGlite database with their
 * collaborators, no HTTP: test/medium/harness.ts); and the same integration files run twice, through
 * the app on embedded PGlite and on a throwaway PostgreSQL cluster (see test/pg-global-setup.ts).
 * Each medium and integration file gets its own fresh database. test/README.md says which tier a test belongs in.
 */
const integration = ['test/integration/**/*.test.ts'];

/**
 * Two suites start the whole platform as a real process: the browser journeys (e2e/, skipped with a
 * warning when Debian's chromium is missing, unless JINQIAO_REQUIRE_BROWSER=1) and the process tests
 * (test/process/: a server killed with -9, a second process refused). `npm test` runs them too;
 * `--project` picks any one suite.
 */

export default defineConfig({
  test: {
    // Threads start faster than forks; argon2 (napi) and PGlite (wasm) are both thread-safe. Files in
    // one worker share loaded modules (isolate: false); each file still gets its own database and app.
    pool: 'threads',
    isolate: false,
    // At least 2 even on a small machine (the postgres server does its work in other processes); at most 8 PGlite instances in memory.
    maxWorkers: Math.min(8, Math.max(2, availableParallelism())),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['common/**/*.test.ts', 'server/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'medium',
          include: ['test/medium/**/*.test.ts'],
          env: { JQ_TEST_DB: 'pglite' },
          globalSetup: ['test/pglite-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          env: { JQ_TEST_DB: 'pglite' },
          globalSetup: ['test/pglite-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { JQ_TEST_DB: 'postgres' },
          globalSetup: ['test/pg-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
