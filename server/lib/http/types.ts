import type { RouteAccess } from '../../../common/roles.js';
import type { Actor } from '../actor.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; every route declares it (checked at registration). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token of the session the request came with, when it came with one. */
    sessionCsrf: string | null;
  }
}
