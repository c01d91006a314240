/** What the global setups hand to test files through vitest's provide/inject. */
export interface PgClusterInfo {
  host: string;
  port: number;
  user: string;
  /** A database migrated and seeded once; each test file copies it with CREATE DATABASE … TEMPLATE. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL cluster, or null when its binaries are absent (the project's tests skip). */
    pg: PgClusterInfo | null;
    /** Path of a gzip'd PGlite data directory, migrated and seeded once per run. */
    pgliteSnapshot: string | null;
  }
}
