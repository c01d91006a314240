import { z } from 'zod';
import { ExportQuery, ImportJobView, ImportQuery, ImportResult, MyExportQuery } from '../../../common/api/contracts.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { acceptXlsx, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, sendWorkbook, uploadedFile, XLSX_MIME } from '../../lib/spreadsheet/index.js';
import { buildImportTemplate, EXPORT_MAX_ROWS, exportOwnContracts, exportRegisteredContracts } from './xlsx-export.js';
import { getImportJob, importContracts } from './xlsx.js';

const tags = ['contracts'];

const importDescription =
  `Send the workbook as the raw body with content-type ${XLSX_MIME}. Any bad row imports nothing: a validation_failed ` +
  'problem lists each error as `rows.<row>.<column header>`, and the report stays on the import job (header x-import-job-id).';

const exportDescription =
  `Streamed while it is read. At most ${EXPORT_MAX_ROWS.toLocaleString('en')} rows: a larger export is refused (400 validation_failed naming the filter ` +
  `to narrow, \`query.year\` for the registrar). An import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows a file: split a larger export to re-import it.`;

/** Bulk import and export as xlsx; the upload is the raw body (no multipart), parsed in this plugin only. */
export const contractXlsxRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, database, config } = app.ctx;
  acceptXlsx(instance);
  const liveProgress = database.kind === 'postgres';

  app.get('/api/contracts/import-template.xlsx', {
    config: { access: 'public' },
    schema: { tags, summary: 'Import template for contracts (xlsx, Chinese headers, a 填写说明 sheet)' },
    handler: async (_req, reply) => sendWorkbook(reply, '技术合同导入模板', 'contracts-template', await buildImportTemplate({ db })),
  });

  app.post('/api/contracts/import', {
    config: { access: 'contract:apply' },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Import registration applications (submitted) for my organisation, all or nothing',
      description: importDescription,
      consumes: [XLSX_MIME],
      querystring: ImportQuery,
      response: { 201: ImportResult },
    },
    handler: async (req, reply) => {
      const r = await importContracts({
        db,
        actor: req.actor,
        mode: 'applications',
        file: uploadedFile(req.body),
        ...req.query,
        liveProgress,
      });
      return reply.status(201).header('x-import-job-id', r.jobId).send(r);
    },
  });

  app.post('/api/registration/contracts/import', {
    config: { access: 'contract:register' },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Import historical registrations (certified, with their numbers) at my registration point, all or nothing',
      description: importDescription,
      consumes: [XLSX_MIME],
      querystring: ImportQuery,
      response: { 201: ImportResult },
    },
    handler: async (req, reply) => {
      const r = await importContracts({
        db,
        actor: req.actor,
        mode: 'historical',
        file: uploadedFile(req.body),
        ...req.query,
        liveProgress,
      });
      return reply.status(201).header('x-import-job-id', r.jobId).send(r);
    },
  });

  app.get('/api/me/contracts/export.xlsx', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'My organisations’ contracts as xlsx, in the import layout plus status and id',
      description: exportDescription,
      querystring: MyExportQuery,
    },
    handler: async (req, reply) =>
      sendWorkbook(
        reply,
        '技术合同导出',
        'contracts-export',
        await exportOwnContracts({ db, actor: req.actor, query: req.query, publicUrl: config.publicUrl }),
      ),
  });

  app.get('/api/registration/contracts/export.xlsx', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary: 'The contracts at my registration points as xlsx (certified by default); re-imports as historical registrations',
      description: exportDescription,
      querystring: ExportQuery,
    },
    handler: async (req, reply) =>
      sendWorkbook(
        reply,
        '技术合同登记导出',
        'registered-contracts',
        await exportRegisteredContracts({ db, actor: req.actor, query: req.query, publicUrl: config.publicUrl }),
      ),
  });

  app.get('/api/contracts/import-jobs/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Progress and error report of one of my contract imports',
      params: z.object({ id: z.uuid('must be an import job id') }),
      response: { 200: ImportJobView },
    },
    handler: async (req) => getImportJob({ db, actor: req.actor, id: req.params.id }),
  });
};
