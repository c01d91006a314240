import { randomUUID } from 'node:crypto';
import type { HTTPMethods, RouteOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, roleMayAccess, type AssignableRole, type Role, type RouteAccess } from '../../common/roles.js';
import { createUser, loginAs, type LoggedIn, type TestUser } from '../factories.js';
import { buildAppWithoutDatabase, useTestApp } from '../harness.js';

/**
 * Every API route × every role: a role the route's access rule does not admit gets 401 (anonymous)
 * or 403; a role it admits never does. Parameters are placeholders (random ids, empty bodies), so an
 * admitted call may well end in 400 or 404: the point is that it got past authorisation.
 */
interface MatrixRoute {
  method: HTTPMethods;
  url: string;
  access: RouteAccess;
  hasBody: boolean;
}

const isApiRoute = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) || ['/healthz', '/readyz', '/metrics'].includes(url);

function routeCollector() {
  const routes: MatrixRoute[] = [];
  const onRoute = (route: RouteOptions) => {
    if (!isApiRoute(route.url)) return;
    for (const method of [route.method].flat() as HTTPMethods[]) {
      if (method === 'HEAD') continue; // Fastify's automatic mirror of a GET
      routes.push({ method, url: route.url, access: route.config?.access as RouteAccess, hasBody: Boolean(route.schema?.body) });
    }
  };
  return { routes, onRoute };
}

/** The route table, read at collection time from an app built on no database (registration never queries). */
async function listRoutes(): Promise<MatrixRoute[]> {
  const { routes, onRoute } = routeCollector();
  const app = await buildAppWithoutDatabase({ onRoute });
  await app.close();
  return routes;
}

const ROUTES = await listRoutes();
const live = routeCollector();
const t = useTestApp({ onRoute: live.onRoute });

const sessions = new Map<Role, LoggedIn>();
const users = new Map<Role, TestUser>();

beforeAll(async () => {
  if (!t.app) return;
  for (const role of ROLES) {
    if (role === 'public') continue;
    const user = await createUser(t.db, { role: role as AssignableRole, regionCode: role === 'gov_officer' ? '120116' : undefined });
    users.set(role, user);
    sessions.set(role, await loginAs(t.app, user));
  }
});

const placeholderUrl = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());

describe('the route table', () => {
  it('is what the running app registered, and large enough to mean something', () => {
    expect(live.routes).toEqual(ROUTES);
    expect(ROUTES.length).toBeGreaterThanOrEqual(25);
    const keys = ROUTES.map((r) => `${r.method} ${r.url}`);
    for (const k of [
      'POST /api/auth/login',
      'GET /api/organizations',
      'PATCH /api/admin/users/:id',
      'GET /api/audit/verify',
      'GET /metrics',
    ]) {
      expect(keys).toContain(k);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every route a known access rule', () => {
    const known: string[] = ['public', 'authenticated', ...PERMISSIONS];
    for (const r of ROUTES) expect(known, `${r.method} ${r.url}`).toContain(r.access);
  });
});

describe.each(ROUTES.map((r) => [`${r.method} ${r.url} (${r.access})`, r] as const))('%s', (_name, route) => {
  it.each([...ROLES])('as %s', async (role) => {
    const payload = route.hasBody ? {} : undefined;
    const url = placeholderUrl(route.url);
    let res;
    if (role === 'public') {
      res = await t.app.inject({ method: route.method, url, payload });
    } else {
      let session = sessions.get(role)!;
      if (route.url === '/api/auth/logout') {
        // Logging out ends the session: use a spare one.
        session = await loginAs(t.app, users.get(role)!);
      }
      res = await session.inject({ method: route.method, url, payload });
    }
    const allowed = roleMayAccess(role, route.access);
    const outcome = `${res.statusCode} ${res.body.slice(0, 200)}`;
    if (!allowed) {
      expect(outcome).toMatch(role === 'public' ? /^401 .*"code":"unauthenticated"/ : /^403 .*"code":"forbidden"/);
    } else {
      expect([401, 403], outcome).not.toContain(res.statusCode);
      expect(res.statusCode, outcome).toBeLessThan(500);
    }
  });
});

const MUTATIONS = ROUTES.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));

describe('CSRF on every mutation', () => {
  it('covers some mutations', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(MUTATIONS.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s refuses a session without the CSRF header',
    async (_name, route) => {
      // A role the route admits, so only the missing header can refuse the call.
      const role = ROLES.find((r) => r !== 'public' && roleMayAccess(r, route.access))!;
      expect(role, 'some role is admitted').toBeDefined();
      const res = await t.app.inject({
        method: route.method,
        url: placeholderUrl(route.url),
        payload: route.hasBody ? {} : undefined,
        headers: { cookie: sessions.get(role)!.cookie },
      });
      expect(`${res.statusCode} ${res.body.slice(0, 200)}`).toMatch(/^403 .*"code":"csrf_failed"/);
    },
  );
});

describe('a route without an access rule', () => {
  it('stops the app from being built', async () => {
    const app = await buildAppWithoutDatabase();
    try {
      expect(() => app.get('/api/forgotten', async () => ({ secret: true }))).toThrow(/GET \/api\/forgotten declares no access rule/);
      expect(() => app.post('/metrics', async () => ({}))).toThrow(/declares no access rule/);
      // Outside the API, an undeclared route is public (static files, the SPA).
      app.get('/robots.txt', async () => 'User-agent: *');
      const res = await app.inject({ method: 'GET', url: '/robots.txt' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('User-agent: *');
      // The refused route was never served.
      expect((await app.inject({ method: 'GET', url: '/api/forgotten' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
