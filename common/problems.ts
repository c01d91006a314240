/**
 * The closed set of error codes the API returns, each with its HTTP status and meaning. Errors go
 * out as RFC 9457 problem+json: { type, title, status, code, detail, instance, requestId, errors? }.
 */
export const PROBLEM_CODES = {
  validation_failed: { status: 400, title: 'Request validation failed' },
  bad_request: { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  invalid_credentials: { status: 401, title: 'Wrong e-mail or password' },
  csrf_failed: { status: 403, title: 'CSRF token missing or wrong' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'Request header fields too large' },
  account_locked: { status: 429, title: 'Account temporarily locked after repeated failures' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.creditCode`. */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}
