import { z } from 'zod';
import { typed, type Routes } from '../../lib/http/context.js';
import {
  acceptXlsx,
  ImportJobQuery,
  ImportJobSchema,
  ImportResultSchema,
  MAX_IMPORT_BYTES,
  sendWorkbook,
  uploadedFile,
  XLSX_MIME,
} from '../../lib/spreadsheet/index.js';
import { buildExpertTemplate, getExpertImportJob, importExperts } from './xlsx.js';

const tags = ['experts'];

/** The expert pool as xlsx; the upload is the raw body (no multipart), parsed in this plugin only. */
export const expertXlsxRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, database } = app.ctx;
  acceptXlsx(instance);

  app.get('/api/experts/import/template', {
    config: { access: 'expert:manage' },
    schema: { tags, summary: 'Import template of the expert pool (xlsx, Chinese headers, a 填写说明 sheet)' },
    handler: async (req, reply) =>
      sendWorkbook(reply, '专家库导入模板', 'experts-template', await buildExpertTemplate({ db, actor: req.actor })),
  });

  app.post('/api/experts/import', {
    config: { access: 'expert:manage' },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Import experts into the pool, all or nothing',
      description:
        `Send the workbook as the raw body with content-type ${XLSX_MIME}. Any bad row imports nothing: a validation_failed ` +
        'problem lists each error as `rows.<row>.<column header>`, and the report stays on the import job (header x-import-job-id).',
      consumes: [XLSX_MIME],
      querystring: ImportJobQuery,
      response: { 201: ImportResultSchema },
    },
    handler: async (req, reply) => {
      const r = await importExperts({
        db,
        actor: req.actor,
        file: uploadedFile(req.body),
        jobId: req.query.jobId,
        liveProgress: database.kind === 'postgres',
      });
      return reply.status(201).header('x-import-job-id', r.jobId).send(r);
    },
  });

  app.get('/api/experts/import-jobs/:id', {
    config: { access: 'expert:manage' },
    schema: {
      tags,
      summary: 'Progress and error report of one of my expert pool imports',
      params: z.object({ id: z.uuid('must be an import job id') }),
      response: { 200: ImportJobSchema },
    },
    handler: async (req) => getExpertImportJob({ db, actor: req.actor, id: req.params.id }),
  });
};
