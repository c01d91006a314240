// npm start — builds what is stale, then runs the server as plain JavaScript:
// - the web portal (Vite) when web/dist is missing or older than its sources;
// - the server (server/ and common/ transpiled file by file by esbuild into dist/, with the files
//   they read beside them: migrations, seed data, the spreadsheet worker) when dist is missing or
//   older than its sources.
// Plain JavaScript, so that starting needs no TypeScript loader: tsx transpiling some 260 files at
// every start was most of the time from `npm start` to the first answer (bench:http, cold start).
/* global console, process, performance */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'dist' || e.name === 'node_modules') return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}
const newest = (list) => list.reduce((m, f) => Math.max(m, statSync(f).mtimeMs), 0);
const isTest = (f) => /\.test\.tsx?$/.test(f);

const common = files(path.join(root, 'common')).filter((f) => !isTest(f));
const webDist = path.join(root, 'web/dist/index.html');
if (!existsSync(webDist) || statSync(webDist).mtimeMs < newest([...files(path.join(root, 'web')), ...common])) {
  console.log('building the web portal (vite build)…');
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(root, 'web/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const out = path.join(root, 'dist');
const stamp = path.join(out, '.built');
const sources = [...files(path.join(root, 'server')).filter((f) => !isTest(f)), ...common];
if (!existsSync(stamp) || statSync(stamp).mtimeMs < newest(sources)) {
  const t0 = performance.now();
  rmSync(out, { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: sources.filter((f) => f.endsWith('.ts')),
    outdir: out,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const f of sources.filter((f) => !f.endsWith('.ts'))) {
    const to = path.join(out, path.relative(root, f));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  writeFileSync(stamp, new Date().toISOString());
  console.log(`built the server into dist/ in ${Math.round(performance.now() - t0)} ms`);
}

// `--build-only`: build what is stale and stop (an image or a CI job builds once, ahead of starting).
if (process.argv.includes('--build-only')) process.exit(0);

process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(out, 'server/main.js')).href);
