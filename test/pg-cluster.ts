import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../bench/lib.js';

/**
 * A throwaway PostgreSQL cluster in a temp directory on a free port (unix socket inside the
 * directory, fsync off), for the `postgres` test project and the benchmarks. initdb refuses root, so
 * as root the server binaries run as the postgres OS user.
 */
export function findPgBin(): string | null {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b)));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  return null;
}

export interface Cluster {
  port: number;
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  url: string;
  stop(): void;
}

/** Starts a cluster with these extra `-c` settings; throws with the server log when it cannot. */
export async function startCluster(bin: string, settings: string[] = []): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  const dir = mkdtempSync(path.join(tmpdir(), 'jq-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch (err) {
        console.warn('could not stop the throwaway PostgreSQL cluster:', (err as Error).message);
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--locale=C.UTF-8', '--encoding=UTF8', '-A', 'trust', '--no-sync']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      ...settings.map((s) => `-c ${s}`),
    ].join(' ');
    run('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    started = true;
    return { port, url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (err) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    stop();
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not start a PostgreSQL cluster: ${(err as Error).message}\n${stderr}\n${log}`);
  }
}
