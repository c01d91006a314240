import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { FieldError, Problem } from '../../common/problems.js';
import { createLoggedInUser, createOrganization } from '../factories.js';
import { createTestApp, useTestApp } from '../harness.js';

const t = useTestApp();

type ProblemBody = Omit<Problem, 'errors'> & { errors: FieldError[] };

function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as ProblemBody;
  expect(body).toMatchObject({ status, code, type: `https://jinqiao.dev/problems/${code}`, title: expect.any(String) });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('errors are problem+json, never a bare 500', () => {
  it.each([
    ['GET', '/api/no-such-thing'],
    ['POST', '/api/organizations/x/y/z'],
    ['DELETE', '/api/auth/login'],
    ['GET', '/no-such-page'],
  ])('unknown route %s %s → 404', async (method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    const body = expectProblem(res, 404, 'not_found');
    expect(body.instance).toBe(url);
  });

  it('malformed JSON → 400 naming the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    const body = expectProblem(res, 400, 'bad_request');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('an empty JSON body → 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectProblem(res, 400, 'bad_request');
  });

  it('an unsupported content type → 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('a body over the limit → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('validation lists each bad field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/register',
      payload: {
        organization: { type: 'spaceship', name: 'X', creditCode: '123', regionCode: 'abc' },
        user: { name: '', email: 'not-an-email', password: 'short' },
      },
    });
    const body = expectProblem(res, 400, 'validation_failed');
    // A field may carry several messages ('short' is both too short and lacks a digit).
    const fields = [...new Set(body.errors.map((e) => e.field))].sort();
    expect(fields).toEqual(
      [
        'body.organization.type',
        'body.organization.name',
        'body.organization.creditCode',
        'body.organization.regionCode',
        'body.user.name',
        'body.user.email',
        'body.user.password',
      ].sort(),
    );
    for (const e of body.errors) expect(e.message).toEqual(expect.any(String));
    expect(body.errors.filter((e) => e.field === 'body.user.password').length).toBeGreaterThanOrEqual(1);
    expect(body.detail).toContain('body.organization.creditCode');
  });

  it('bad path and query parameters are named too', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const badId = await session.inject({ method: 'GET', url: '/api/organizations/not-a-uuid' });
    expect(expectProblem(badId, 400, 'validation_failed').errors[0]!.field).toBe('params.id');
    const badQuery = await session.inject({ method: 'GET', url: '/api/organizations?limit=0&status=sleeping' });
    const fields = expectProblem(badQuery, 400, 'validation_failed')
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(['querystring.limit', 'querystring.status']);
  });

  it('a missing login is 401 and a missing permission is 403, both problem+json', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/me' }), 401, 'unauthenticated');
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expectProblem(await session.inject({ method: 'GET', url: '/api/admin/users' }), 403, 'forbidden');
  });

  it('a state conflict is 409', async () => {
    const org = await createOrganization(t.db, { status: 'active' });
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const res = await session.inject({ method: 'POST', url: `/api/organizations/${org.id}/review`, payload: { decision: 'approve' } });
    expectProblem(res, 409, 'conflict');
  });

  it('a session cookie that is unknown is cleared and treated as anonymous', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions', headers: { cookie: 'jq_session=forged-session-token' } });
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === 'jq_session');
    expect(cleared?.value).toBe('');
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'jq_session=forged-session-token' } }),
      401,
      'unauthenticated',
    );
  });
});

describe('a 5xx', () => {
  it('hides the message and stack of an unexpected exception, and of a database that is gone, but carries the request id', async () => {
    const own = await createTestApp();
    try {
      own.app.get('/api/test-only/boom', { config: { access: 'public' } }, async () => {
        throw new Error('secret internal detail: password=hunter2');
      });
      const boom = await own.app.inject({ method: 'GET', url: '/api/test-only/boom' });
      const body = expectProblem(boom, 500, 'internal');
      expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type']);
      expect(boom.body).not.toContain('hunter2');
      expect(boom.body).not.toContain('secret internal detail');
      expect(boom.body).not.toMatch(/errors\.test\.ts|\bat /);

      await own.database.close();
      const ready = await own.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', database: own.kind });

      // A request id the caller can quote to support.
      const res = await own.app.inject({ method: 'GET', url: '/api/regions', headers: { 'x-request-id': 'support-42' } });
      const gone = expectProblem(res, 500, 'internal');
      expect(gone.requestId).toBe('support-42');
      expect(gone.detail).toContain('support-42');
      expect(res.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|stack|PGlite|pool|SELECT/i);
    } finally {
      await own.app.close();
    }
  });
});
