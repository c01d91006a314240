/**
 * The home page in headless Chromium, cold (a fresh browser context: empty cache), as a visitor on
 * this machine sees it: bytes of JavaScript and of everything transferred until the network is idle,
 * and the first contentful paint. Ours: the platform as `npm start` serves it (precompressed
 * brotli/gzip, hashed assets immutable). Baseline, same run, same build: the same files served
 * uncompressed by a plain static server (what the portal sent before precompression), the API
 * proxied to the same platform process.
 *
 *   npm run bench:web [-- --runs 5]
 *
 * Starts `server/cli/start.mjs` (builds the portal when stale, demo data) on a temporary data dir.
 * Prints a table and ends with one JSON line.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { freePort, ROOT, startProcess, stopProcess } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = path.join(ROOT, 'web/dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The baseline: web/dist as it is, uncompressed, no cache headers; /api to the platform. */
function plainStaticServer(apiPort: number): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      const up = request({ host: '127.0.0.1', port: apiPort, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
      return;
    }
    let file = path.join(DIST, path.normalize(url.pathname));
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
}

interface Run {
  fcpMs: number;
  jsBytes: number;
  jsFiles: number;
  totalBytes: number;
}

async function measure(browser: import('playwright-core').Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  let jsBytes = 0;
  let jsFiles = 0;
  let totalBytes = 0;
  page.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => null);
    if (!sizes) return;
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    totalBytes += bytes;
    if (r.resourceType() === 'script') {
      jsBytes += bytes;
      jsFiles += 1;
    }
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  try {
    await page.getByTestId('home-figures').waitFor({ timeout: 120_000 });
  } catch (e) {
    throw new Error(`the home page showed no figures (console errors: ${errors.join(' | ') || 'none'})`, { cause: e });
  }
  const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
  await context.close();
  return { fcpMs, jsBytes, jsFiles, totalBytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jq-bench-web-'));
  const port = await freePort();
  const server = await startProcess(
    'server/cli/start.mjs',
    { PORT: String(port), DATA_DIR: dataDir, JINQIAO_DEMO: 'true' },
    `http://127.0.0.1:${port}/readyz`,
    600_000,
    { loader: false },
  );
  const basePort = await freePort();
  const baseline = plainStaticServer(port);
  await new Promise<void>((r) => baseline.listen(basePort, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const ours: Run[] = [];
    const base: Run[] = [];
    // Warm the server's own caches once (figures, search) so both sides meet the same API.
    await measure(browser, `http://127.0.0.1:${port}/`);
    for (let i = 0; i < RUNS; i++) {
      base.push(await measure(browser, `http://127.0.0.1:${basePort}/`));
      ours.push(await measure(browser, `http://127.0.0.1:${port}/`));
    }
    const sum = (rs: Run[]) => ({
      fcpMedianMs: Math.round(median(rs.map((r) => r.fcpMs))),
      fcpMaxMs: Math.round(Math.max(...rs.map((r) => r.fcpMs))),
      jsBytes: median(rs.map((r) => r.jsBytes)),
      jsFiles: median(rs.map((r) => r.jsFiles)),
      totalBytes: median(rs.map((r) => r.totalBytes)),
    });
    const o = sum(ours);
    const b = sum(base);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`home page, cold, ${RUNS} runs each (median; FCP max in brackets)`);
    console.log(`                      ours (precompressed)     baseline (uncompressed)`);
    console.log(`JS transferred        ${kb(o.jsBytes).padEnd(24)} ${kb(b.jsBytes)}`);
    console.log(`JS files              ${String(o.jsFiles).padEnd(24)} ${b.jsFiles}`);
    console.log(`all transferred       ${kb(o.totalBytes).padEnd(24)} ${kb(b.totalBytes)}`);
    console.log(`first contentful paint ${`${o.fcpMedianMs} ms (${o.fcpMaxMs})`.padEnd(23)} ${b.fcpMedianMs} ms (${b.fcpMaxMs})`);
    console.log(JSON.stringify({ bench: 'web', runs: RUNS, ours: o, baseline: b, serverReadyMs: Math.round(server.readyMs) }));
  } finally {
    await browser.close();
    baseline.close();
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
