import { z } from 'zod';
import {
  ApplicationInput,
  ApplicationsQuery,
  ApplicationView,
  Estimate,
  EstimateQuery,
  PaymentInput,
  ProgrammeInput,
  ProgrammeView,
  Totals,
  TransitionInput,
} from '../../../common/api/subsidies.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentApplications, presentProgrammes } from './presenter.js';
import * as subsidies from './service.js';

const tags = ['subsidies'];
const Id = z.object({ id: z.uuid() });

export const subsidyRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Actor, id: string) => {
    const loaded = await subsidies.getApplication({ db, actor, id });
    return (await presentApplications(db, [loaded]))[0]!;
  };

  app.get('/api/subsidy-programmes', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Subsidy programmes paid on registered technology contracts',
      response: { 200: z.object({ items: z.array(ProgrammeView) }) },
    },
    handler: async () => ({ items: await presentProgrammes(db, await subsidies.listProgrammes({ db })) }),
  });

  app.get('/api/subsidy-programmes/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One subsidy programme with its rules and their sources', params: Id, response: { 200: ProgrammeView } },
    handler: async (req) => (await presentProgrammes(db, [await subsidies.getProgramme({ db, id: req.params.id })]))[0]!,
  });

  app.post('/api/subsidy-programmes', {
    config: { access: 'subsidy:administer' },
    schema: {
      tags,
      summary: 'Create a subsidy programme (officers of its region)',
      body: ProgrammeInput,
      response: { 201: ProgrammeView },
    },
    handler: async (req, reply) => {
      const id = await subsidies.createProgramme({ db, actor: req.actor, input: req.body });
      return reply.status(201).send((await presentProgrammes(db, [await subsidies.getProgramme({ db, id })]))[0]!);
    },
  });

  app.get('/api/subsidy-programmes/:id/estimate', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'The organisation’s eligible registered contracts and amount, line by line (its members and the officers over it)',
      params: Id,
      querystring: EstimateQuery,
      response: { 200: Estimate },
    },
    handler: async (req) =>
      subsidies.estimateSubsidy({
        db,
        actor: req.actor,
        programmeId: req.params.id,
        organizationId: req.query.organizationId,
        assumeFullyPaid: req.query.assumeFullyPaid,
      }),
  });

  app.get('/api/subsidy-programmes/:id/totals', {
    config: { access: 'subsidy:administer' },
    schema: { tags, summary: 'Applications and amounts per programme and per district', params: Id, response: { 200: Totals } },
    handler: async (req) => subsidies.programmeTotals({ db, actor: req.actor, programmeId: req.params.id }),
  });

  app.post('/api/subsidy-contract-payments', {
    config: { access: 'subsidy:apply' },
    schema: {
      tags,
      summary: 'Record a payment on a registered contract (bank voucher and invoice numbers)',
      body: PaymentInput,
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send({ id: await subsidies.recordContractPayment({ db, actor: req.actor, input: req.body }) }),
  });

  app.post('/api/subsidy-applications', {
    config: { access: 'subsidy:apply' },
    schema: {
      tags,
      summary: 'Apply to a programme (the platform computes the contracts and amount)',
      body: ApplicationInput,
      response: { 201: ApplicationView },
    },
    handler: async (req, reply) => {
      const id = await subsidies.createApplication({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/me/subsidy-applications', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My organisations’ subsidy applications', response: { 200: z.object({ items: z.array(ApplicationView) }) } },
    handler: async (req) => ({
      items: await presentApplications(
        db,
        (await subsidies.listMyApplications({ db, actor: req.actor })).map((row) => ({ row, party: 'applicant' as const })),
      ),
    }),
  });

  app.get('/api/subsidy-applications', {
    config: { access: 'subsidy:administer' },
    schema: {
      tags,
      summary: 'The officer’s queue: applications from organisations in their region',
      querystring: ApplicationsQuery,
      response: { 200: z.object({ items: z.array(ApplicationView) }) },
    },
    handler: async (req) => ({
      items: await presentApplications(
        db,
        (await subsidies.listApplications({ db, actor: req.actor, query: req.query })).map((row) => ({ row, party: 'officer' as const })),
      ),
    }),
  });

  app.get('/api/subsidy-applications/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One application (the applicant and the officers over it)', params: Id, response: { 200: ApplicationView } },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.post('/api/subsidy-applications/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Move an application along (check, review, approval, notice, payment)',
      params: Id,
      body: TransitionInput,
      response: { 200: ApplicationView },
    },
    handler: async (req) => {
      await subsidies.transitionApplication({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });
};
