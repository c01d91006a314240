import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../../common/roles.js';
import { anonymousActor, can } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../lib/http/context.js';
import { AuthCache } from './auth-cache.js';
import { authenticateApiToken, authenticateSession, type Profile } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's profile as authentication read it (null for anonymous requests). */
    profile: Profile | null;
  }
  interface FastifyInstance {
    /** This app's authentication cache (tests look at it). */
    authCache: AuthCache;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** API routes must declare access; plugin routes outside it (docs UI, static files) are public. */
const MUST_DECLARE = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) || ['/healthz', '/readyz', '/metrics'].includes(url);

/** Who may call a route given its declared access, before the service applies ownership and scope. */
export function routeAllows(access: RouteAccess, req: FastifyRequest): boolean {
  const actor = req.actor;
  if (access === 'public') return true;
  if (actor.kind === 'anonymous') return false;
  if (access === 'authenticated') return true;
  return can(actor, access);
}

export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('profile', null);

  const cache = new AuthCache(app.ctx.database, app.log);
  app.decorate('authCache', cache);
  app.addHook('onReady', async () => {
    // Without its listening connection the cache stays off; authentication still works uncached.
    await cache.start().catch((err: unknown) => app.log.warn({ err }, 'authentication cache disabled: cannot LISTEN'));
  });
  app.addHook('onClose', async () => cache.close());
  // A request that changed what authentication reads has committed by now: forget again, so nothing
  // read before its commit survives it (writeAudit forgot once already, before the commit).
  app.addHook('onSend', async (req) => {
    cache.settle(String(req.id));
  });

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      if (!MUST_DECLARE(route.url)) {
        route.config = { ...(route.config ?? {}), access: 'public' };
        return;
      }
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const { db, config } = app.ctx;
    const requestId = String(req.id);
    req.actor = anonymousActor(requestId);
    const authorization = req.headers.authorization;
    // /metrics checks its own scrape token (METRICS_TOKEN); it is not an API token.
    if (authorization && req.url !== '/metrics') {
      const m = /^Bearer\s+(jq_[A-Za-z0-9_-]+)$/.exec(authorization);
      const auth = m ? await authenticateApiToken({ db, token: m[1]!, requestId, cache }) : null;
      if (!auth) throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
      req.actor = auth.actor;
      req.profile = auth.profile;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const auth = await authenticateSession({ db, token, requestId, ttlHours: config.sessionTtlHours, cache });
        if (auth) {
          req.actor = auth.actor;
          req.sessionCsrf = auth.csrfToken;
          req.profile = auth.profile;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }

    const access = req.routeOptions.config?.access;
    if (access === undefined) return; // unknown route: the not-found handler answers
    if (!routeAllows(access, req)) {
      throw req.actor.kind === 'anonymous' ? new AppError('unauthenticated') : AppError.forbidden(`This needs ${access}`);
    }
    if (req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== req.sessionCsrf) {
        throw new AppError('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header (GET /api/me returns it)`);
      }
    }
  });
}
