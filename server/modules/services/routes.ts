import { z } from 'zod';
import {
  CreateRequestBody,
  MyRequestsQuery,
  OfferingBody,
  UpdateOfferingBody,
  OfferingsQuery,
  OfferingView,
  ServiceRequestView,
  TransitionBody,
} from '../../../common/api/services.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentOfferings, presentRequests } from './presenter.js';
import * as services from './service.js';

const tags = ['services'];
const Id = z.object({ id: z.uuid() });

export const serviceRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Actor, id: string) => (await presentRequests(db, [await services.getRequest({ db, actor, id })]))[0]!;

  app.get('/api/service-offerings', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The service catalogue (IP agency, legal, valuation, evaluation)',
      querystring: OfferingsQuery,
      response: { 200: z.object({ items: z.array(OfferingView) }) },
    },
    handler: async (req) => ({ items: await presentOfferings(db, await services.listOfferings({ db, query: req.query })) }),
  });

  app.post('/api/service-offerings', {
    config: { access: 'service:provide' },
    schema: { tags, summary: 'Offer a service (service-provider organisations)', body: OfferingBody, response: { 201: OfferingView } },
    handler: async (req, reply) => {
      const id = await services.createOffering({ db, actor: req.actor, input: req.body });
      const row = await services.findOffering(db, id);
      if (!row) throw AppError.notFound('Offering');
      return reply.status(201).send((await presentOfferings(db, [row]))[0]!);
    },
  });

  app.patch('/api/service-offerings/:id', {
    config: { access: 'service:provide' },
    schema: {
      tags,
      summary: 'Edit an active offering (its provider); requests already made keep their title and price',
      params: z.object({ id: z.uuid() }),
      body: UpdateOfferingBody,
      response: { 200: OfferingView },
    },
    handler: async (req) => {
      await services.updateOffering({ db, actor: req.actor, id: req.params.id, input: req.body });
      const row = await services.findOffering(db, req.params.id);
      if (!row) throw AppError.notFound('Offering');
      return (await presentOfferings(db, [row]))[0]!;
    },
  });

  app.post('/api/service-requests', {
    config: { access: 'service:request' },
    schema: {
      tags,
      summary: 'Request a service (quote-based ones start waiting for a quote)',
      body: CreateRequestBody,
      response: { 201: ServiceRequestView },
    },
    handler: async (req, reply) => {
      const id = await services.createRequest({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/me/service-requests', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Service requests of my organisations, as requester or provider',
      querystring: MyRequestsQuery,
      response: { 200: z.object({ items: z.array(ServiceRequestView) }) },
    },
    handler: async (req) => ({
      items: await presentRequests(db, await services.listMyRequests({ db, actor: req.actor, query: req.query })),
    }),
  });

  app.get('/api/service-requests/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One service request (its two organisations only)', params: Id, response: { 200: ServiceRequestView } },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.post('/api/service-requests/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Quote, decline, accept, cancel, deliver or rate',
      params: Id,
      body: TransitionBody,
      response: { 200: ServiceRequestView },
    },
    handler: async (req) => {
      await services.transitionRequest({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });
};
