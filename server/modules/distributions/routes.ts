import { z } from 'zod';
import {
  DISTRIBUTION_STATUSES,
  DistributionInput,
  DistributionTransitionBody,
  DistributionView,
  ParametersView,
  PreviewBody,
  PreviewView,
} from '../../../common/api/distributions.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { NATIONAL_RULE, REGIONAL_RULES, TAX_NOTES } from './parameters.js';
import { presentDistributions } from './presenter.js';
import * as distributions from './service.js';

const tags = ['income-distributions'];
const Id = z.object({ id: z.uuid() });
const pct = (bp: Record<string, number>) => Object.fromEntries(Object.entries(bp).map(([k, v]) => [k, v / 100]));

export const distributionRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Parameters<typeof distributions.getDistribution>[0]['actor'], id: string) =>
    (await presentDistributions(db, actor, [await distributions.getDistribution({ db, actor, id })]))[0]!;

  app.post('/api/income-distributions/preview', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Calculator: the team’s share of a net income under the region’s rule, split by contribution (stores nothing)',
      body: PreviewBody,
      response: { 200: PreviewView },
    },
    handler: async (req) => distributions.previewDistribution(req.actor, req.body),
  });

  app.get('/api/income-distributions/parameters', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The team-share floors (national and regional) with their sources, and the tax notes',
      response: { 200: ParametersView },
    },
    handler: async () => ({
      national: { pct: pct(NATIONAL_RULE.bp), source: NATIONAL_RULE.source },
      regions: Object.entries(REGIONAL_RULES).map(([regionCode, r]) => ({ regionCode, pct: pct(r.bp), source: r.source })),
      taxNotes: { ...TAX_NOTES },
    }),
  });

  app.get('/api/income-distributions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Distributions of my organisations (TTO staff) and those naming me as inventor',
      querystring: z.object({ status: z.enum(DISTRIBUTION_STATUSES).optional() }),
      response: { 200: z.object({ items: z.array(DistributionView) }) },
    },
    handler: async (req) => ({
      items: await presentDistributions(
        db,
        req.actor,
        await distributions.listDistributions({ db, actor: req.actor, status: req.query.status }),
      ),
    }),
  });

  app.post('/api/income-distributions', {
    config: { access: 'distribution:manage' },
    schema: {
      tags,
      summary: 'Start a distribution for a paid deal or a registered contract of my organisation',
      body: DistributionInput,
      response: { 201: DistributionView },
    },
    handler: async (req, reply) => {
      const id = await distributions.createDistribution({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/income-distributions/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One distribution with its payout statements (TTO staff; an inventor sees their own)',
      params: Id,
      response: { 200: DistributionView },
    },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.put('/api/income-distributions/:id', {
    config: { access: 'distribution:manage' },
    schema: { tags, summary: 'Edit a draft distribution', params: Id, body: DistributionInput, response: { 200: DistributionView } },
    handler: async (req) => {
      await distributions.updateDistribution({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/income-distributions/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'submit, return (reason), approve (not by its maker), pay (reference), cancel',
      params: Id,
      body: DistributionTransitionBody,
      response: { 200: DistributionView },
    },
    handler: async (req) => {
      await distributions.transitionDistribution({ db, actor: req.actor, id: req.params.id, ...req.body });
      return view(req.actor, req.params.id);
    },
  });
};
