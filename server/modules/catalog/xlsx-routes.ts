import { z } from 'zod';
import { typed, type Routes } from '../../lib/http/context.js';
import { acceptXlsx, ImportResultSchema, RowIssueSchema, sendWorkbook, uploadedFile } from '../../lib/spreadsheet/index.js';
import type { RecordKind } from './lifecycle.js';
import { buildImportTemplate, exportOwnRecords, getImportJob, importRecords, MAX_IMPORT_BYTES, XLSX_MIME } from './xlsx.js';

const KINDS = [
  { kind: 'achievement', path: 'achievements', tags: ['achievements'], template: '科技成果导入模板', export: '科技成果导出' },
  { kind: 'demand', path: 'demands', tags: ['demands'], template: '技术需求导入模板', export: '技术需求导出' },
] as const;

const ImportQuery = z.object({
  // Members of several organisations name the one they file for.
  organizationId: z.uuid().optional(),
  // Chosen by the client, so it can poll GET /api/import-jobs/:id while the upload is processed.
  jobId: z.uuid('must be a uuid').optional(),
});
const ImportJobView = z.object({
  id: z.string(),
  kind: z.enum(['achievements', 'demands']),
  status: z.enum(['running', 'succeeded', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  /** `row` as Excel numbers the worksheet rows (0: the file as a whole); `field` the input path. */
  errors: z.array(RowIssueSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/**
 * Bulk import and export as xlsx. The upload is the raw request body with the xlsx content type (no
 * multipart): the parser is registered in this plugin only, with its own size limit.
 */
export const catalogXlsxRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, database } = app.ctx;
  acceptXlsx(instance);

  for (const k of KINDS) {
    const kind = k.kind as RecordKind;

    app.get(`/api/${k.path}/import-template.xlsx`, {
      config: { access: 'catalog:file' },
      schema: { tags: [...k.tags], summary: `Import template for ${k.path} (xlsx, Chinese headers, a sheet explaining each column)` },
      handler: async (req, reply) =>
        sendWorkbook(reply, k.template, `${k.path}-template`, await buildImportTemplate({ db, actor: req.actor, kind })),
    });

    app.post(`/api/${k.path}/import`, {
      config: { access: 'catalog:file' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: [...k.tags],
        summary: `Import ${k.path} from an xlsx file as drafts, all or nothing`,
        description:
          `Send the workbook as the raw body with content-type ${XLSX_MIME}. Any bad row imports nothing: ` +
          'a validation_failed problem lists each error as `rows.<row>.<field>`, and the report stays on the import job (header x-import-job-id).',
        consumes: [XLSX_MIME],
        querystring: ImportQuery,
        response: { 201: ImportResultSchema },
      },
      handler: async (req, reply) => {
        const result = await importRecords({
          db,
          actor: req.actor,
          kind,
          file: uploadedFile(req.body),
          organizationId: req.query.organizationId,
          jobId: req.query.jobId,
          liveProgress: database.kind === 'postgres',
        });
        return reply.status(201).header('x-import-job-id', result.jobId).send(result);
      },
    });

    app.get(`/api/me/${k.path}/export.xlsx`, {
      config: { access: 'catalog:file' },
      schema: { tags: [...k.tags], summary: `My organisations' ${k.path} as xlsx, in the import layout plus status and id` },
      handler: async (req, reply) =>
        sendWorkbook(reply, k.export, `${k.path}-export`, await exportOwnRecords({ db, actor: req.actor, kind })),
    });
  }

  app.get('/api/import-jobs/:id', {
    config: { access: 'catalog:file' },
    schema: {
      tags: ['achievements', 'demands'],
      summary: 'Progress and error report of one of my imports',
      params: z.object({ id: z.uuid('must be an import job id') }),
      response: { 200: ImportJobView },
    },
    handler: async (req) => getImportJob({ db, actor: req.actor, id: req.params.id }),
  });
};
