import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { RouteAccess } from '../../../common/roles.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { typed } from '../http/context.js';
import { acceptXlsx, ImportJobQuery, ImportJobSchema, ImportResultSchema, MAX_IMPORT_BYTES, sendWorkbook, uploadedFile } from './http.js';
import type { ImportResult } from './jobs.js';
import { XLSX_MIME } from './sheet.js';

/** What an import service takes: who uploads what, the job id the client chose, whether to write progress as it goes. */
export interface ImportRequest {
  db: Db;
  actor: Actor;
  file: Buffer | null;
  jobId?: string;
  liveProgress?: boolean;
}

/** What a registry kept in a spreadsheet (the expert pool, the broker registry) needs to be imported over HTTP. */
export interface ImportRoutes {
  /** `/api/experts` gives `/api/experts/import/template`, `/api/experts/import` and `/api/experts/import-jobs/:id`. */
  base: string;
  access: RouteAccess;
  tags: string[];
  /** The template's file name: Chinese, and ASCII for old clients. */
  templateName: string;
  templateAscii: string;
  /** OpenAPI summaries: the template, the import, the job. */
  summaries: { template: string; import: string; job: string };
  template(opts: { db: Db; actor: Actor }): Promise<Buffer | Readable>;
  run(opts: ImportRequest): Promise<ImportResult>;
  job(opts: { db: Db; actor: Actor; id: string }): Promise<z.infer<typeof ImportJobSchema>>;
}

/**
 * The three routes of an all-or-nothing import: the template, the upload (the raw body, parsed in
 * the calling plugin only) and the job's progress and per-row report. The service functions check access.
 */
export function registerImportRoutes(instance: FastifyInstance, spec: ImportRoutes) {
  const app = typed(instance);
  const { db, database } = app.ctx;
  const { tags, access } = spec;
  acceptXlsx(instance);

  app.get(`${spec.base}/import/template`, {
    config: { access },
    schema: { tags, summary: spec.summaries.template },
    handler: async (req, reply) =>
      sendWorkbook(reply, spec.templateName, spec.templateAscii, await spec.template({ db, actor: req.actor })),
  });

  app.post(`${spec.base}/import`, {
    config: { access },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: spec.summaries.import,
      description:
        `Send the workbook as the raw body with content-type ${XLSX_MIME}. Any bad row imports nothing: a validation_failed ` +
        'problem lists each error as `rows.<row>.<column header>`, and the report stays on the import job (header x-import-job-id).',
      consumes: [XLSX_MIME],
      querystring: ImportJobQuery,
      response: { 201: ImportResultSchema },
    },
    handler: async (req, reply) => {
      const r = await spec.run({
        db,
        actor: req.actor,
        file: uploadedFile(req.body),
        jobId: req.query.jobId,
        liveProgress: database.kind === 'postgres',
      });
      return reply.status(201).header('x-import-job-id', r.jobId).send(r);
    },
  });

  app.get(`${spec.base}/import-jobs/:id`, {
    config: { access },
    schema: {
      tags,
      summary: spec.summaries.job,
      params: z.object({ id: z.uuid('must be an import job id') }),
      response: { 200: ImportJobSchema },
    },
    handler: async (req) => spec.job({ db, actor: req.actor, id: req.params.id }),
  });
}
