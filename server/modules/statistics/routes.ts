import { z } from 'zod';
import {
  BreakdownQuery,
  BreakdownView,
  ExportQuery,
  FlowsQuery,
  FlowsView,
  OpenDataQuery,
  OpenDataView,
  OverviewView,
  RegionsView,
  StatsQuery,
  TargetInput,
  TargetListQuery,
  TargetListView,
  TargetView,
  TopQuery,
  TopView,
  TrendQuery,
  TrendView,
} from '../../../common/api/statistics.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { buildStatisticsWorkbook } from './export.js';
import { getFlows, listTop } from './flows.js';
import { getOpenData, openDataCsv } from './open-data.js';
import { getBreakdown, getOverview, getRegionBreakdown, getTrend } from './service.js';
import { deleteTarget, listTargets, setTarget } from './targets.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['statistics'];

export const statisticsRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/statistics/overview', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: 'KPIs of a region and year on both sides, the previous year, available years, the region picker',
      querystring: StatsQuery.omit({ side: true }),
      response: { 200: OverviewView },
    },
    handler: async (req) => getOverview({ db, actor: req.actor, query: req.query }),
  });

  app.get('/api/statistics/trend', {
    config: { access: 'stats:read' },
    schema: { tags, summary: 'Counts and amounts by year or by month', querystring: TrendQuery, response: { 200: TrendView } },
    handler: async (req) => getTrend({ db, actor: req.actor, query: req.query }),
  });

  app.get('/api/statistics/breakdown', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: 'Counts and amounts by contract type, subtype, technical field or organisation type',
      querystring: BreakdownQuery,
      response: { 200: BreakdownView },
    },
    handler: async (req) => getBreakdown({ db, actor: req.actor, query: req.query }),
  });

  app.get('/api/statistics/regions', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: "Counts and amounts by the region's child regions (the map; city → district → park)",
      querystring: StatsQuery,
      response: { 200: RegionsView },
    },
    handler: async (req) => getRegionBreakdown({ db, actor: req.actor, query: req.query }),
  });

  app.get('/api/statistics/flows', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: 'Technology flows: out of and into the region, by area and by province',
      querystring: FlowsQuery,
      response: { 200: FlowsView },
    },
    handler: async (req) => getFlows({ db, actor: req.actor, query: req.query }),
  });

  app.get('/api/statistics/top', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: 'Top organisations (sellers for output, buyers for absorption) or brokers',
      querystring: TopQuery,
      response: { 200: TopView },
    },
    handler: async (req) => listTop({ db, actor: req.actor, query: req.query }),
  });

  app.get('/api/statistics/export.xlsx', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: 'Every table of a region and year as an xlsx workbook, with definitions (third-party evaluation)',
      querystring: ExportQuery,
    },
    handler: async (req, reply) => {
      const wb = await buildStatisticsWorkbook({ db, actor: req.actor, region: req.query.region, year: req.query.year });
      const name = `技术合同统计-${wb.regionName}-${wb.year}`;
      return reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          `attachment; filename="statistics-${wb.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
        )
        .header('cache-control', 'no-store')
        .send(wb.buffer);
    },
  });

  app.get('/api/statistics/targets', {
    config: { access: 'stats:read' },
    schema: {
      tags,
      summary: "Yearly targets in the region's subtree with progress",
      querystring: TargetListQuery,
      response: { 200: TargetListView },
    },
    handler: async (req) => listTargets({ db, actor: req.actor, region: req.query.region, year: req.query.year }),
  });

  app.put('/api/statistics/targets', {
    config: { access: 'stats:target' },
    schema: {
      tags,
      summary: 'Set the target for (year, region, side, metric), creating or replacing it',
      body: TargetInput,
      response: { 200: TargetView },
    },
    handler: async (req) => setTarget({ db, actor: req.actor, input: req.body }),
  });

  app.delete('/api/statistics/targets/:id', {
    config: { access: 'stats:target' },
    schema: { tags, summary: 'Remove a target', params: z.object({ id: z.uuid('must be a target id') }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteTarget({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/open-data/statistics', {
    config: { access: 'public' },
    schema: {
      tags: ['open data'],
      summary: 'Aggregated contract statistics of the city (never single contracts; small cells suppressed)',
      querystring: OpenDataQuery,
      response: { 200: OpenDataView },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return getOpenData({ db, year: req.query.year });
    },
  });

  app.get('/api/open-data/statistics.csv', {
    config: { access: 'public' },
    schema: {
      tags: ['open data'],
      summary: 'The open-data cells as CSV (UTF-8 with BOM; amounts in fen; suppressed cells empty)',
      querystring: OpenDataQuery,
    },
    handler: async (req, reply) => {
      const view = await getOpenData({ db, year: req.query.year });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="jinqiao-statistics-${view.year}.csv"`)
        .header('cache-control', 'public, max-age=300')
        .send(openDataCsv(view));
    },
  });
};
