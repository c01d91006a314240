import { z } from 'zod';
import {
  ApiTokenView,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  LoginResult,
  MeView,
  SessionView,
} from '../../../common/api/identity.js';
import { CSRF_COOKIE, SESSION_COOKIE, typed, type Routes } from '../../lib/http/context.js';
import { presentApiToken, presentMe, presentSession } from './presenter.js';
import * as identity from './service.js';
import { createApiToken, listOwnApiTokens, revokeOwnApiToken } from './tokens.js';

const tags = ['identity'];

export const identityRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, config } = app.ctx;

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Log in with e-mail and password; sets the session cookie', body: LoginBody, response: { 200: LoginResult } },
    handler: async (req, reply) => {
      const result = await identity.login({
        db,
        email: req.body.email,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: String(req.id),
        ttlHours: config.sessionTtlHours,
      });
      const secure = req.protocol === 'https';
      const maxAge = config.sessionTtlHours * 3600;
      reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge });
      const me = await identity.getMe({ db, actor: result.actor });
      return presentMe({ ...me, actor: result.actor, csrfToken: result.csrfToken });
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await identity.logout({ db, actor: req.actor });
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/me', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The caller: profile, roles, memberships, permissions, CSRF token', response: { 200: MeView } },
    handler: async (req) => {
      const me = await identity.getMe({ db, actor: req.actor, known: req.profile });
      return presentMe({ ...me, actor: req.actor, csrfToken: req.sessionCsrf });
    },
  });

  app.patch('/api/me', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Update own preferences', body: z.object({ locale: z.enum(['zh-CN', 'en']) }), response: { 200: MeView } },
    handler: async (req) => {
      await identity.updateOwnLocale({ db, actor: req.actor, locale: req.body.locale });
      const me = await identity.getMe({ db, actor: req.actor });
      return presentMe({ ...me, actor: req.actor, csrfToken: req.sessionCsrf });
    },
  });

  app.post('/api/me/password', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change own password; ends every other session', body: ChangePasswordBody, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await identity.changePassword({ db, actor: req.actor, ...req.body });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/me/sessions', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Own active sessions', response: { 200: z.object({ items: z.array(SessionView) }) } },
    handler: async (req) => {
      const rows = await identity.listOwnSessions({ db, actor: req.actor });
      return { items: rows.map((s) => presentSession(s, req.actor.sessionId)) };
    },
  });

  app.delete('/api/me/sessions/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Revoke one of own sessions',
      params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'must be a session id') }),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await identity.revokeOwnSession({ db, actor: req.actor, sessionKey: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/me/tokens', {
    config: { access: 'token:own' },
    schema: { tags, summary: 'Own API tokens', response: { 200: z.object({ items: z.array(ApiTokenView) }) } },
    handler: async (req) => ({ items: (await listOwnApiTokens({ db, actor: req.actor })).map(presentApiToken) }),
  });

  app.post('/api/me/tokens', {
    config: { access: 'token:own' },
    schema: { tags, summary: 'Issue an API token (shown once)', body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    handler: async (req, reply) => {
      const created = await createApiToken({ db, actor: req.actor, ...req.body });
      return reply.status(201).send({ token: created.token, apiToken: presentApiToken(created.apiToken) });
    },
  });

  app.delete('/api/me/tokens/:id', {
    config: { access: 'token:own' },
    schema: { tags, summary: 'Revoke an API token', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await revokeOwnApiToken({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
};
