import { z } from 'zod';
import {
  CreateInquiryBody,
  InquirySummary,
  InquiryTransitionBody,
  InquiryView,
  MessageBody,
  MyInquiriesQuery,
} from '../../../common/api/inquiries.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentInquiries, presentInquiry } from './presenter.js';
import * as inquiries from './service.js';

const tags = ['inquiries'];
const Id = z.object({ id: z.uuid() });

export const inquiryRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Parameters<typeof inquiries.getInquiry>[0]['actor'], id: string) =>
    presentInquiry(db, await inquiries.getInquiry({ db, actor, id }));

  app.post('/api/inquiries', {
    config: { access: 'trade:participate' },
    schema: {
      tags,
      summary: 'Open a negotiation (我要洽谈) with the owner of a published achievement or demand',
      body: CreateInquiryBody,
      response: { 201: InquiryView },
    },
    handler: async (req, reply) => {
      const id = await inquiries.createInquiry({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/me/inquiries', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Negotiations my organisations are in, on either side',
      querystring: MyInquiriesQuery,
      response: { 200: z.object({ items: z.array(InquirySummary) }) },
    },
    handler: async (req) => ({
      items: await presentInquiries(db, await inquiries.listMyInquiries({ db, actor: req.actor, query: req.query })),
    }),
  });

  app.get('/api/inquiries/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One negotiation with its messages (its two organisations only)', params: Id, response: { 200: InquiryView } },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.post('/api/inquiries/:id/messages', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Write in a negotiation (the owner’s first answer starts it)',
      params: Id,
      body: MessageBody,
      response: { 201: InquiryView },
    },
    handler: async (req, reply) => {
      await inquiries.postMessage({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });

  app.post('/api/inquiries/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Change a negotiation’s status (negotiate, agree, move_to_trading, close)',
      params: Id,
      body: InquiryTransitionBody,
      response: { 200: InquiryView },
    },
    handler: async (req) => {
      await inquiries.transitionInquiry({ db, actor: req.actor, id: req.params.id, action: req.body.action, reason: req.body.reason });
      return view(req.actor, req.params.id);
    },
  });
};
