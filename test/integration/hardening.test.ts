import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { achievementInput, createLoggedInUser, demandInput, createUser, DEFAULT_PASSWORD } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const config = (extra: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', JINQIAO_DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent/jinqiao-web-dist', ...extra });

describe('text that cannot be stored is refused, naming the field', () => {
  it('a NUL byte in a title, a lone surrogate in a keyword: 400, and nothing is saved', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    for (const [patch, field] of [
      [{ title: '锂离子电池\u0000正极材料' }, 'body.title'],
      [{ keywords: ['电池', 'bad\uD800'] }, 'body.keywords.1'],
      [{ title: '热管理\u0007系统' }, 'body.title'],
    ] as const) {
      const res = await session.inject({ method: 'POST', url: '/api/achievements', payload: { ...achievementInput(), ...patch } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors[0].field).toBe(field);
    }
    const mine = await session.inject({ method: 'GET', url: '/api/me/achievements' });
    expect(mine.statusCode).toBe(200);
    expect(JSON.stringify(mine.json())).not.toContain('正极材料');
    // Tabs and line breaks are text.
    const ok = await session.inject({
      method: 'POST',
      url: '/api/achievements',
      payload: { ...achievementInput(), summary: '第一行\n第二行\t缩进' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('a title of only zero-width spaces is empty, an attachment must be an http(s) link, a deadline within five years', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const post = (payload: object, url = '/api/achievements') => session.inject({ method: 'POST', url, payload });
    const blank = await post({ ...achievementInput(), title: '\u200B\u200B\u200B' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('body.title');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd']) {
      const res = await post({ ...achievementInput(), attachments: [{ name: '说明书', url }] });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.attachments.0.url');
    }
    const far = await post(demandInput({ deadline: '9999-12-31' }), '/api/demands');
    expect(far.statusCode).toBe(400);
    expect(far.json().errors[0].field).toBe('body.deadline');
  });

  it('a lone surrogate in a query string (the admin user search) is a 400 naming it, not a 500', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const res = await session.inject({ method: 'GET', url: '/api/admin/users?q=%ED%A0%80abc' });
    // %ED%A0%80 is not UTF-8: either refused by the parser or decoded to U+FFFD; never a 500.
    expect(res.statusCode).toBeLessThan(500);
    const nul = await session.inject({ method: 'GET', url: '/api/admin/users?q=a%00b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0].field).toBe('querystring.q');
  });

  it('JSON nested 5,000 deep is refused at the parser as a 400 on the body', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await session.inject({
      method: 'POST',
      url: '/api/achievements',
      payload: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body');
    // Depth inside strings does not count.
    const inString = await session.inject({
      method: 'POST',
      url: '/api/achievements',
      payload: JSON.stringify({ ...achievementInput(), summary: '['.repeat(100) + '方法' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(inString.statusCode).toBe(201);
  });
});

describe('headers and origins', () => {
  it('API answers carry the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/achievements' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const problem = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(problem.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a mutation from another site is refused even with a valid session and CSRF token', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const evil = await session.inject({
      method: 'POST',
      url: '/api/achievements',
      payload: achievementInput(),
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    const fetchSite = await session.inject({
      method: 'POST',
      url: '/api/achievements',
      payload: achievementInput(),
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.statusCode).toBe(403);
    const own = await session.inject({
      method: 'POST',
      url: '/api/achievements',
      payload: achievementInput(),
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(own.statusCode).toBe(201);
  });

  it('/metrics answers loopback scrapers, or only the bearer of the configured token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(404);
    const app = await buildApp({ config: config({ METRICS_TOKEN: 'a-long-metrics-token-123' }), database: t.database, logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      const ok = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer a-long-metrics-token-123' },
        remoteAddress: '10.1.2.3',
      });
      expect(ok.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('headers too large get a problem+json 431 from the real server', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 431/);
    expect(answer).toContain('application/problem+json');
    expect(answer).toContain('"code":"headers_too_large"');
  });
});

describe('login throttling', () => {
  it('60 concurrent wrong passwords for one account verify at most 5; the rest are locked out (429)', async () => {
    const user = await createUser(t.db, { role: 'org_member' });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: `wrong-${i}-password` },
          remoteAddress: `10.7.${i}.1`,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(55);
    // Locked: even the right password is refused now.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: DEFAULT_PASSWORD },
      remoteAddress: '10.8.0.1',
    });
    expect(right.statusCode).toBe(429);
  });

  it("a client's own X-Forwarded-For is not believed: the address ceiling holds whatever it claims", async () => {
    const app = await buildApp({ config: config({ TRUST_PROXY: '10.9.9.9' }), database: t.database, logger: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 52; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `nobody-${i}@example.com`, password: 'whatever-password' },
          remoteAddress: '192.0.2.77',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 50).every((c) => c === 401)).toBe(true);
      expect(codes.slice(50)).toEqual([429, 429]);
      // From the trusted proxy, the forwarded address is the client's.
      const viaProxy = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody-x@example.com', password: 'whatever-password' },
        remoteAddress: '10.9.9.9',
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(viaProxy.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('TRUST_PROXY refuses anything but false, true or a list of addresses', () => {
    expect(() => config({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
    expect(config({ TRUST_PROXY: 'true' }).trustProxy).toEqual(['127.0.0.1', '::1']);
    expect(config({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(config().trustProxy).toBe(false);
  });
});
