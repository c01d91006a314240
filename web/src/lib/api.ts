import type { Problem } from '../../../common/problems';

/** An API call that did not succeed: carries the RFC 9457 problem the server sent (or one made up for network errors). */
export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): Problem['code'] {
    return this.problem.code;
  }
}

export function isApiProblem(error: unknown, code?: Problem['code']): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.problem.code === code);
}

const CSRF_COOKIE = 'jq_csrf';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Whether this browser holds a session: the login sets the readable CSRF cookie beside the httpOnly session cookie. */
export function hasSessionCookie(): boolean {
  return readCookie(CSRF_COOKIE) !== null;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` plus the query parameters that have a value. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is instead of a JSON body (uploads and imports take bytes), with `contentType`. */
  raw?: Blob;
  /** The raw body's type; by default the blob's own, else application/octet-stream. */
  contentType?: string;
  /** More request headers, e.g. Idempotency-Key. Accept, the CSRF header and a body's Content-Type are set by the client over these. */
  headers?: Record<string, string>;
  query?: Query;
  signal?: AbortSignal;
}

/**
 * Calls the API with the session cookie. Every non-GET request carries the CSRF token from the
 * `jq_csrf` cookie (double-submit). Resolves with the parsed JSON (undefined for 204), rejects
 * with ApiProblem.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  headers.accept = 'application/json, application/problem+json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  // Send a content type only with a body: the server refuses an empty JSON body.
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    headers['content-type'] = options.contentType ?? (options.raw.type || 'application/octet-stream');
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, code: 'unavailable', detail: (error as Error).message });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    if (data && typeof data === 'object' && 'status' in data && 'code' in data) throw new ApiProblem(data as Problem);
    throw new ApiProblem({
      type: 'about:blank',
      title: response.statusText || 'Error',
      status: response.status,
      code: response.status === 413 ? 'payload_too_large' : response.status >= 500 ? 'internal' : 'bad_request',
      detail: `${response.status} ${response.statusText}`.trim(),
    });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  /** POSTs a file as the raw request body. */
  upload: <T>(path: string, file: Blob, opts: { query?: Query; contentType?: string } = {}) =>
    apiRequest<T>(path, { method: 'POST', raw: file, ...opts }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
