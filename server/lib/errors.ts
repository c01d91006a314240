import { PROBLEM_CODES, type FieldError, type Problem, type ProblemCode } from '../../common/problems.js';

/** The one application error. Services throw it; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly fields?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ProblemCode, detail?: string, opts: { fields?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail ?? PROBLEM_CODES[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = PROBLEM_CODES[code].status;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }

  static validation(field: string, message: string): AppError {
    return new AppError('validation_failed', `${field}: ${message}`, { fields: [{ field, message }] });
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }

  static forbidden(detail = 'You may not do this'): AppError {
    return new AppError('forbidden', detail);
  }

  static conflict(detail: string): AppError {
    return new AppError('conflict', detail);
  }
}

export function toProblem(err: AppError, instance: string, requestId: string): Problem {
  const base = PROBLEM_CODES[err.code];
  return {
    type: `https://jinqiao.dev/problems/${err.code}`,
    title: base.title,
    status: err.status,
    code: err.code,
    // 5xx never carries internals.
    detail: err.status >= 500 ? `Something went wrong on our side. Quote request id ${requestId} when reporting it.` : err.message,
    instance,
    requestId,
    ...(err.fields ? { errors: err.fields } : {}),
  };
}
