// The embedded database as a real process sees it: committed writes survive kill -9, and a second
// process pointed at the same data directory is refused while the first keeps serving.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeFromSerialBody } from '../../common/credit-code.js';
import { freePort, startProcess, stopProcess, ROOT } from '../../bench/lib.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jq-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const ADMIN = { email: 'durability@jinqiao.local', password: 'durability-pass-1' };

async function startServer(port: number) {
  return startProcess(
    'server/main.ts',
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      JINQIAO_DEMO: 'false',
      JINQIAO_ADMIN_EMAIL: ADMIN.email,
      JINQIAO_ADMIN_PASSWORD: ADMIN.password,
    },
    `http://127.0.0.1:${port}/healthz`,
  );
}

function registration(i: number) {
  const body = `91120116MA${String(i).padStart(7, '0')}`;
  return {
    organization: { type: 'enterprise', name: `耐久测试企业${i}`, creditCode: creditCodeFromSerialBody(body), regionCode: '120116' },
    user: { name: `用户${i}`, email: `durable${i}@example.com`, password: 'durable-pass-1' },
  };
}

describe('embedded database (PGlite) in a real process', () => {
  it('keeps every acknowledged write after kill -9', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const first = await startServer(port);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 1; !stop && i < 10_000; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/register`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(registration(i)),
          });
          if (res.status === 201)
            acknowledged.push(((await res.json()) as { organization: { creditCode: string } }).organization.creditCode);
        } catch {
          return; // the server is gone
        }
      }
    })();
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await writer;
    if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((r) => first.child.once('exit', r));
    // Nothing may still answer on the port: the restarted server must be the one we check.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    const again = await startServer(port);
    try {
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const list = await fetch(`http://127.0.0.1:${port}/api/organizations?status=pending&limit=200`, { headers: { cookie } });
      const stored = new Set(((await list.json()) as { items: Array<{ creditCode: string }> }).items.map((o) => o.creditCode));
      const lost = acknowledged.filter((c) => !stored.has(c));
      expect(acknowledged.length).toBeGreaterThanOrEqual(15);
      expect(lost).toEqual([]);
    } finally {
      await stopProcess(again.child);
    }
  });

  it('refuses a second process on the same data directory and leaves the first serving', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const first = await startServer(port);
    try {
      const second = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      });
      let stderr = '';
      second.stderr.on('data', (d) => (stderr += String(d)));
      const code = await new Promise<number | null>((r) => second.once('exit', r));
      expect(code).toBe(3);
      expect(stderr).toMatch(/in use by another Jinqiao process/);
      const health = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(health.status).toBe(200);
      const reg = await fetch(`http://127.0.0.1:${port}/api/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(registration(50_000)),
      });
      expect(reg.status).toBe(201);
    } finally {
      await stopProcess(first.child);
    }
  });
});
