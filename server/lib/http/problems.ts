import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldError } from '../../../common/problems.js';
import { AppError, toProblem } from '../errors.js';

function sendProblem(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  if (err.headers) for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply
    .status(err.status)
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(err, req.url, String(req.id)));
}

/** Maps every error to RFC 9457 problem+json: AppError as is, validation with its fields, the rest as 500. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return sendProblem(reply, req, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext ?? 'body';
      const fields: FieldError[] = error.validation.map((v) => ({
        field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      const detail = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return sendProblem(reply, req, new AppError('validation_failed', detail, { fields }));
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, req, new AppError('internal'));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, req, new AppError('payload_too_large'));
    if (status === 415) return sendProblem(reply, req, new AppError('unsupported_media_type'));
    if (status === 429) return sendProblem(reply, req, new AppError('rate_limited'));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, empty body with content-type, ...).
      const field = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'body' : undefined;
      return sendProblem(
        reply,
        req,
        new AppError('bad_request', error.message, field ? { fields: [{ field, message: error.message }] } : {}),
      );
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, req, new AppError('internal'));
  });

  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, req, new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
