import { z } from 'zod';
import {
  CatalogueImportQuery,
  CatalogueItemView,
  CatalogueView,
  HoldQuery,
  HoldView,
  ScreenBody,
  ScreeningQueueQuery,
  ScreeningTransitionBody,
  ScreeningView,
} from '../../../common/api/export-control.js';
import { typed, type Routes } from '../../lib/http/context.js';
import {
  acceptXlsx,
  ImportResultSchema,
  MAX_IMPORT_BYTES,
  RowIssueSchema,
  sendWorkbook,
  uploadedFile,
  XLSX_MIME,
} from '../../lib/spreadsheet/index.js';
import { catalogueWorkbook, getCatalogue, getCatalogueImportJob, importCatalogue, listCatalogues } from './catalogue.js';
import { presentCatalogue, presentItem, presentScreening, presentScreenings } from './presenter.js';
import * as screenings from './service.js';

const tags = ['export-control'];
const Id = z.object({ id: z.uuid() });

export const exportControlRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  acceptXlsx(instance);

  app.post('/api/export-control/screenings', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Screen an achievement, deal or contract against the export-control catalogue in force',
      description:
        'Answers the candidate catalogue items (code, class, control points, matched terms) and the record’s hold state. ' +
        'Reviewers (export:review) in the region of the party in mainland China, or members of that party, may screen. ' +
        '201 when a screening is opened; 200 when one exists (refreshed while pending, unchanged once decided).',
      body: ScreenBody,
      response: { 200: ScreeningView, 201: ScreeningView },
    },
    handler: async (req, reply) => {
      const { row, created } = await screenings.screenRecord({ db, actor: req.actor, input: req.body });
      return reply.status(created ? 201 : 200).send(await presentScreening(db, req.actor, row));
    },
  });

  app.get('/api/export-control/screenings', {
    config: { access: 'export:review' },
    schema: {
      tags,
      summary: 'The screening queue of the caller’s regions (pending first)',
      querystring: ScreeningQueueQuery,
      response: { 200: z.object({ items: z.array(ScreeningView) }) },
    },
    handler: async (req) => ({
      items: await presentScreenings(db, req.actor, await screenings.listScreenings({ db, actor: req.actor, query: req.query })),
    }),
  });

  app.get('/api/export-control/screenings/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One screening (reviewers in scope and the parties)', params: Id, response: { 200: ScreeningView } },
    handler: async (req) => presentScreening(db, req.actor, await screenings.getScreening({ db, actor: req.actor, id: req.params.id })),
  });

  app.post('/api/export-control/screenings/:id/transitions', {
    config: { access: 'export:review' },
    schema: {
      tags,
      summary: 'Decide (free / restricted / prohibited) or record the letter of intent, the licence or the authority’s refusal',
      params: Id,
      body: ScreeningTransitionBody,
      response: { 200: ScreeningView },
    },
    handler: async (req) =>
      presentScreening(db, req.actor, await screenings.transitionScreening({ db, actor: req.actor, id: req.params.id, input: req.body })),
  });

  app.get('/api/export-control/holds', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Whether a record is held by export control (none, pending, held, stopped)',
      querystring: HoldQuery,
      response: { 200: HoldView },
    },
    handler: async (req) => screenings.holdState({ db, actor: req.actor, subject: req.query.subject, id: req.query.id }),
  });

  app.get('/api/export-control/catalogues', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Versions of 中国禁止出口限制出口技术目录 (the one in force is active)',
      response: { 200: z.object({ items: z.array(CatalogueView) }) },
    },
    handler: async () => ({ items: (await listCatalogues({ db })).map(presentCatalogue) }),
  });

  app.get('/api/export-control/catalogues/template.xlsx', {
    config: { access: 'export:catalogue' },
    schema: { tags, summary: 'The import template for a catalogue revision (xlsx)' },
    handler: async (_req, reply) =>
      sendWorkbook(reply, '技术出口管制目录导入模板', 'export-catalogue-template', await catalogueWorkbook({ db, id: null })),
  });

  app.get('/api/export-control/catalogues/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One version of the catalogue with its items',
      params: Id,
      response: { 200: CatalogueView.extend({ items: z.array(CatalogueItemView) }) },
    },
    handler: async (req) => {
      const { catalogue, items } = await getCatalogue({ db, id: req.params.id });
      return { ...presentCatalogue(catalogue), items: items.map(presentItem) };
    },
  });

  app.get('/api/export-control/catalogues/:id/items.xlsx', {
    config: { access: 'public' },
    schema: { tags, summary: 'One version of the catalogue as xlsx (the import template’s layout)', params: Id },
    handler: async (req, reply) =>
      sendWorkbook(reply, '技术出口管制目录', 'export-catalogue', await catalogueWorkbook({ db, id: req.params.id })),
  });

  app.post('/api/export-control/catalogues/import', {
    config: { access: 'export:catalogue' },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Import a new revision of the catalogue from xlsx (all or nothing); it is in force at once, earlier versions are kept',
      description: `Send the workbook as the raw body with content-type ${XLSX_MIME}; the notice and its date go in the query.`,
      consumes: [XLSX_MIME],
      querystring: CatalogueImportQuery,
      response: { 201: ImportResultSchema.extend({ catalogueId: z.string() }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await importCatalogue({ db, actor: req.actor, file: uploadedFile(req.body), meta: req.query })),
  });

  app.get('/api/export-control/catalogue-imports/:id', {
    config: { access: 'export:catalogue' },
    schema: {
      tags,
      summary: 'A catalogue import job (the uploader only)',
      params: Id,
      response: {
        200: z.object({
          id: z.string(),
          status: z.enum(['running', 'succeeded', 'failed']),
          total: z.number().int(),
          processed: z.number().int(),
          errors: z.array(RowIssueSchema),
          createdAt: z.string(),
          finishedAt: z.string().nullable(),
        }),
      },
    },
    handler: async (req) => {
      const job = await getCatalogueImportJob({ db, actor: req.actor, id: req.params.id });
      return { ...job, status: job.status as 'running' | 'succeeded' | 'failed' };
    },
  });
};
