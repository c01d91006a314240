import { z } from 'zod';
import {
  AccreditationBody,
  BrokersQuery,
  BrokerSummary,
  BrokerTransitionBody,
  BrokerView,
  CreateBrokerBody,
  DeclarationBody,
  RevokeBody,
  TrainingBody,
  UpdateBrokerBody,
} from '../../../common/api/brokers.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentBroker, presentBrokers } from './presenter.js';
import * as brokers from './service.js';

const tags = ['brokers'];
const Id = z.object({ id: z.uuid() });

export const brokerRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Actor, id: string) => presentBroker(db, await brokers.getBroker({ db, actor, id }));

  app.get('/api/brokers', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The broker and manager directory (技术经纪人名录), ranked by registered contract amount',
      querystring: BrokersQuery,
      response: { 200: z.object({ items: z.array(BrokerSummary), total: z.number().int() }) },
    },
    handler: async (req) => {
      const list = await brokers.listBrokers({ db, query: req.query });
      return { items: await presentBrokers(db, list), total: list.total };
    },
  });

  app.get('/api/brokers/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A broker’s public profile: tier, accreditations, training, track record',
      params: Id,
      response: { 200: BrokerView },
    },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.post('/api/brokers', {
    config: { access: 'broker:manage' },
    schema: { tags, summary: 'Register a broker in the registry', body: CreateBrokerBody, response: { 201: BrokerView } },
    handler: async (req, reply) => {
      const id = await brokers.createBroker({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.patch('/api/brokers/:id', {
    config: { access: 'broker:manage' },
    schema: {
      tags,
      summary: 'Edit a registry entry (employer, account, specialties, contact)',
      params: Id,
      body: UpdateBrokerBody,
      response: { 200: BrokerView },
    },
    handler: async (req) => {
      await brokers.updateBroker({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/brokers/:id/transitions', {
    config: { access: 'broker:manage' },
    schema: {
      tags,
      summary: 'Suspend, reinstate or withdraw a registry entry',
      params: Id,
      body: BrokerTransitionBody,
      response: { 200: BrokerView },
    },
    handler: async (req) => {
      await brokers.transitionBroker({ db, actor: req.actor, id: req.params.id, action: req.body.action, reason: req.body.reason });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/brokers/:id/trainings', {
    config: { access: 'broker:manage' },
    schema: {
      tags,
      summary: 'Record a training (course, hours, syllabus module, certificate)',
      params: Id,
      body: TrainingBody,
      response: { 201: BrokerView },
    },
    handler: async (req, reply) => {
      await brokers.addTraining({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });

  app.post('/api/brokers/:id/accreditations', {
    config: { access: 'broker:manage' },
    schema: {
      tags,
      summary: 'Record an accreditation (tier, certificate number, expiry)',
      params: Id,
      body: AccreditationBody,
      response: { 201: BrokerView },
    },
    handler: async (req, reply) => {
      await brokers.addAccreditation({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });

  app.post('/api/brokers/:id/accreditations/:accreditationId/revoke', {
    config: { access: 'broker:manage' },
    schema: {
      tags,
      summary: 'Revoke an accreditation',
      params: z.object({ id: z.uuid(), accreditationId: z.uuid() }),
      body: RevokeBody,
      response: { 200: BrokerView },
    },
    handler: async (req) => {
      await brokers.revokeAccreditation({
        db,
        actor: req.actor,
        id: req.params.id,
        accreditationId: req.params.accreditationId,
        reason: req.body.reason,
      });
      return view(req.actor, req.params.id);
    },
  });

  app.get('/api/me/broker', {
    config: { access: 'broker:declare' },
    schema: { tags, summary: 'My own registry entry, with my declarations', response: { 200: BrokerView } },
    handler: async (req) => view(req.actor, await brokers.ownBrokerId(db, req.actor)),
  });

  app.post('/api/me/broker/declarations', {
    config: { access: 'broker:declare' },
    schema: {
      tags,
      summary: 'Declare (no) conflict of interest on a contract that names me as its broker',
      body: DeclarationBody,
      response: { 201: BrokerView },
    },
    handler: async (req, reply) => {
      const id = await brokers.declareConflict({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });
};
