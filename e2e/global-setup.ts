// Browser suite set-up: start the whole platform (`npm start`'s entry: builds the portal when stale,
// migrates, seeds demo data) on a throwaway embedded database, and hand its URL to the journeys.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startProcess, stopProcess } from '../bench/lib.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    if (process.env.JINQIAO_REQUIRE_BROWSER === '1') {
      throw new Error(`JINQIAO_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`);
    }
    console.warn(`\n[e2e] SKIPPED: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)\n`);
    project.provide('e2eBaseUrl', null);
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jq-e2e-'));
  const port = await freePort();
  const server = await startProcess(
    'server/cli/start.mjs',
    { PORT: String(port), DATA_DIR: dataDir, JINQIAO_DEMO: 'true' },
    `http://127.0.0.1:${port}/readyz`,
    300_000,
  );
  project.provide('e2eBaseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
