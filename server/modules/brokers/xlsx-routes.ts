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
import { buildBrokerTemplate, getBrokerImportJob, importBrokers } from './xlsx.js';

const tags = ['brokers'];

/** The registry as xlsx; the upload is the raw body (no multipart), parsed in this plugin only. */
export const brokerXlsxRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, database } = app.ctx;
  acceptXlsx(instance);

  app.get('/api/brokers/import/template', {
    config: { access: 'broker:manage' },
    schema: { tags, summary: 'Import template of the broker registry (xlsx, Chinese headers, a 填写说明 sheet)' },
    handler: async (req, reply) =>
      sendWorkbook(reply, '技术经纪人名录导入模板', 'brokers-template', await buildBrokerTemplate({ actor: req.actor })),
  });

  app.post('/api/brokers/import', {
    config: { access: 'broker:manage' },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Import registry entries with their accreditation and trainings, all or nothing',
      description:
        `Send the workbook as the raw body with content-type ${XLSX_MIME}. Any bad row imports nothing: a validation_failed ` +
        'problem lists each error as `rows.<row>.<column header>`, and the report stays on the import job (header x-import-job-id).',
      consumes: [XLSX_MIME],
      querystring: ImportJobQuery,
      response: { 201: ImportResultSchema },
    },
    handler: async (req, reply) => {
      const r = await importBrokers({
        db,
        actor: req.actor,
        file: uploadedFile(req.body),
        jobId: req.query.jobId,
        liveProgress: database.kind === 'postgres',
      });
      return reply.status(201).header('x-import-job-id', r.jobId).send(r);
    },
  });

  app.get('/api/brokers/import-jobs/:id', {
    config: { access: 'broker:manage' },
    schema: {
      tags,
      summary: 'Progress and error report of one of my registry imports',
      params: z.object({ id: z.uuid('must be an import job id') }),
      response: { 200: ImportJobSchema },
    },
    handler: async (req) => getBrokerImportJob({ db, actor: req.actor, id: req.params.id }),
  });
};
