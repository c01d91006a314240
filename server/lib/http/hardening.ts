import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PROBLEM_CODES } from '../../../common/problems.js';
import { badTextReason } from '../../../common/text.js';
import { AppError } from '../errors.js';

/**
 * What every request and response goes through before a route sees it: bounded JSON, text without
 * NUL bytes, lone surrogates or control characters, mutations only from our own origin, and the
 * browser security headers. One place, so a new route cannot forget any of it.
 */

/** Deeper JSON than this is refused before parsing (no API takes more than a few levels). */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a JSON text, counted outside strings, stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** The first bad text inside a parsed body or query, as [field path, reason]. */
export function findBadText(value: unknown, path: string, seen = 0): [string, string] | null {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? [path, reason] : null;
  }
  if (seen > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const keyReason = badTextReason(k);
    if (keyReason) return [`${path}.${k.replace(/[^\x20-\x7e]/g, '?')}`, keyReason];
    const found = findBadText(v, `${path}.${k}`, seen + 1);
    if (found) return found;
  }
  return null;
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Does the origin name the host the request was sent to (ports compared with the scheme's default filled in)? */
function sameHost(origin: URL, hostHeader: string): boolean {
  const defaultPort = origin.protocol === 'https:' ? '443' : '80';
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!m) return false;
  return origin.hostname === m[1] && (origin.port || defaultPort) === (m[2] ?? defaultPort);
}

/** Is the request's Origin (or, failing that, Sec-Fetch-Site) cross-site? Requests without either (API clients) are not. */
export function isCrossSite(req: Pick<FastifyRequest, 'headers'>, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    if (origin === 'null') return true;
    const host = req.headers.host;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return true;
    }
    if (host && sameHost(parsed, host)) return false;
    return !allowedOrigins.includes(parsed.origin);
  }
  return req.headers['sec-fetch-site'] === 'cross-site';
}

/** The portal's policy: our own scripts only (Vite emits no inline script), inline styles for Ant Design's CSS-in-JS. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
/** Swagger UI starts itself with an inline script; its pages get a policy that allows that, and nothing else changes. */
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

function problemBody(status: number, code: keyof typeof PROBLEM_CODES, detail: string): string {
  return JSON.stringify({ type: `https://jinqiao.dev/problems/${code}`, title: PROBLEM_CODES[code].title, status, code, detail });
}

/**
 * Errors Node's HTTP parser answers before Fastify sees the request (431 headers too large, 400
 * malformed request line): problem+json like everything else, then the connection closes.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A connection the client reset has nobody to answer.
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = tooLarge
    ? problemBody(431, 'headers_too_large', 'The request headers are too large')
    : problemBody(400, 'bad_request', 'The request could not be parsed as HTTP');
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export interface HardeningOptions {
  /** Origins other than the request's own host that may send mutations (the configured public URL). */
  allowedOrigins: string[];
}

export function registerHardening(app: FastifyInstance, opts: HardeningOptions): void {
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      return done(AppError.validation('body', `nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    defaultJson(req, text, done);
  });

  app.addHook('onRequest', async (req) => {
    if (MUTATIONS.has(req.method) && isCrossSite(req, opts.allowedOrigins)) {
      throw new AppError('forbidden', 'Cross-site requests may not change anything (the Origin is not this site)');
    }
  });

  app.addHook('preValidation', async (req) => {
    const found = findBadText(req.body, 'body') ?? findBadText(req.query, 'querystring') ?? findBadText(req.params, 'params');
    if (found) throw AppError.validation(found[0], found[1]);
  });

  app.addHook('onSend', async (req, reply) => {
    const docs = req.url.startsWith('/api/docs');
    reply.header('content-security-policy', docs ? DOCS_CSP : CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
