import { z } from 'zod';
import {
  AnnualReportSummary,
  AnnualReportsQuery,
  AnnualReportTransitionBody,
  AnnualReportView,
  OpenReportBody,
  ParametersView,
  ReportContent,
  StReportBody,
  StReportView,
} from '../../../common/api/reports.js';
import { ANNUAL_REPORT_PARAMETERS, ST_REPORT_RULES } from '../../../common/reports.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { sendWorkbook } from '../../lib/spreadsheet/index.js';
import { findOrganization } from '../organizations/repository.js';
import * as annual from './annual.js';
import { reportWorkbook } from './export.js';
import { presentReport, presentReportSummaries } from './presenter.js';
import * as st from './st-reports.js';

const tags = ['reports'];
const Id = z.object({ id: z.uuid() });

export const reportsRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Actor, id: string) => presentReport(db, await annual.getReport({ db, actor, id }));

  app.get('/api/annual-reports', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Annual transformation reports the caller may see (own organisation; officers their region; admins all)',
      querystring: AnnualReportsQuery,
      response: { 200: z.object({ items: z.array(AnnualReportSummary) }) },
    },
    handler: async (req) => ({
      items: await presentReportSummaries(db, await annual.listReports({ db, actor: req.actor, query: req.query })),
    }),
  });

  app.get('/api/annual-reports/parameters', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Filling window, due date, reminders, grace period and S&T report rules, with their sources',
      response: { 200: ParametersView },
    },
    handler: async () => ({
      items: [...Object.entries(ANNUAL_REPORT_PARAMETERS), ...Object.entries(ST_REPORT_RULES)].map(([key, p]) => ({ key, ...p })),
    }),
  });

  app.post('/api/annual-reports', {
    config: { access: 'report:file' },
    schema: {
      tags,
      summary: 'Open (or get) the organisation’s report on an ended year, prefilled from the platform',
      body: OpenReportBody,
      response: { 200: AnnualReportView, 201: AnnualReportView },
    },
    handler: async (req, reply) => {
      const { id, created } = await annual.openReport({
        db,
        actor: req.actor,
        organizationId: req.body.organizationId,
        year: req.body.year,
      });
      return reply.status(created ? 201 : 200).send(await view(req.actor, id));
    },
  });

  app.get('/api/annual-reports/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One annual report: the six blocks, the prefilled figures and their reconciliation',
      params: Id,
      response: { 200: AnnualReportView },
    },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.put('/api/annual-reports/:id', {
    config: { access: 'report:file' },
    schema: {
      tags,
      summary: 'Save what the organisation fills in (draft or returned)',
      params: Id,
      body: ReportContent,
      response: { 200: AnnualReportView },
    },
    handler: async (req) => {
      await annual.saveReportContent({ db, actor: req.actor, id: req.params.id, content: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/annual-reports/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Submit (organisation), accept or return with a reason (supervising officer)',
      params: Id,
      body: AnnualReportTransitionBody,
      response: { 200: AnnualReportView },
    },
    handler: async (req) => {
      await annual.transitionReport({ db, actor: req.actor, id: req.params.id, action: req.body.action, reason: req.body.reason });
      return view(req.actor, req.params.id);
    },
  });

  app.get('/api/annual-reports/:id/export.xlsx', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The report as a spreadsheet in the template’s layout', params: Id },
    handler: async (req, reply) => {
      const r = await annual.getReport({ db, actor: req.actor, id: req.params.id });
      const org = (await findOrganization(db, r.row.organizationId))!;
      const body = await reportWorkbook({
        organization: { name: org.name, creditCode: org.creditCode },
        year: r.row.year,
        status: r.row.status,
        content: r.row.content,
        figures: r.figures,
      });
      return sendWorkbook(reply, `${org.name}${r.row.year}年度科技成果转化年度报告`, `annual-report-${r.row.year}`, body);
    },
  });

  app.get('/api/st-reports', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'S&T reports (科技报告): delayed ones listed with their abstract withheld until release',
      querystring: z.object({ organizationId: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(StReportView) }) },
    },
    handler: async (req) => ({
      items: await st.presentStReports(db, req.actor, await st.listStReports({ db, organizationId: req.query.organizationId })),
    }),
  });

  app.post('/api/st-reports', {
    config: { access: 'report:file' },
    schema: {
      tags,
      summary: 'File an S&T report of a publicly funded project (numbered on filing)',
      body: StReportBody,
      response: { 201: StReportView },
    },
    handler: async (req, reply) => {
      const id = await st.fileStReport({ db, actor: req.actor, input: req.body });
      const [v] = await st.presentStReports(db, req.actor, [await st.getStReport({ db, id })]);
      return reply.status(201).send(v!);
    },
  });

  app.get('/api/st-reports/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One S&T report (controlled access to a delayed one’s abstract)',
      params: Id,
      response: { 200: StReportView },
    },
    handler: async (req) => (await st.presentStReports(db, req.actor, [await st.getStReport({ db, id: req.params.id })]))[0]!,
  });
};
