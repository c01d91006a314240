import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { XLSX_MIME } from './sheet.js';

/** The largest upload an import takes (the request body). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Uploads are the raw request body with the xlsx content type (no multipart), parsed in the calling plugin only. */
export function acceptXlsx(instance: FastifyInstance) {
  instance.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
}

export const uploadedFile = (body: unknown): Buffer | null => (Buffer.isBuffer(body) ? body : null);

export function sendWorkbook(reply: FastifyReply, name: string, ascii: string, body: Buffer | Readable) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`)
    .header('cache-control', 'no-store')
    .send(body);
}

export const ImportResultSchema = z.object({ jobId: z.string(), imported: z.number().int(), ids: z.array(z.string()) });
/** `row` as Excel numbers the worksheet rows (0: the file as a whole); `field` the input path or column header. */
export const RowIssueSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
/** An import job as its starter reads it (progress, then the per-row report). */
export const ImportJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  errors: z.array(RowIssueSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ImportJobQuery = z.object({
  // Chosen by the client, so it can poll the job while the upload is processed.
  jobId: z.uuid('must be a uuid').optional(),
});
