import { z } from 'zod';
import {
  UpdateEventBody,
  AddProjectBody,
  CheckInBody,
  CreateEventBody,
  EventStatistics,
  EventSummary,
  EventView,
  EventsQuery,
  IntentBody,
  RegisterBody,
  RegistrationView,
  ScoreBody,
} from '../../../common/api/events.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { AppError } from '../../lib/errors.js';
import { presentEvent, presentEventSummaries, presentRegistrations, presentStatistics } from './presenter.js';
import * as registrations from './registrations.js';
import * as events from './service.js';

const tags = ['events'];
const Id = z.object({ id: z.uuid() });
const ProjectId = z.object({ id: z.uuid(), projectId: z.uuid() });
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const eventRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  const registrationView = async (actorUserId: string | null, id: string) => {
    const row = await registrations.findRegistration(db, id);
    if (!row) throw AppError.notFound('Registration');
    const event = await events.findEvent(db, row.eventId);
    const [view] = await presentRegistrations(db, [row], { withTicketFor: actorUserId, events: new Map([[event.id, event]]) });
    return view!;
  };

  app.get('/api/events', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Roadshows and exhibitions (路演 / 展会), public',
      querystring: EventsQuery,
      response: { 200: Items(EventSummary) },
    },
    handler: async (req) => ({ items: await presentEventSummaries(db, await events.listEvents({ db, query: req.query })) }),
  });

  app.get('/api/events/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One event: agenda, projects, results after it ends, my registration and ticket',
      params: Id,
      response: { 200: EventView },
    },
    handler: async (req) => presentEvent(db, req.actor, req.params.id),
  });

  app.post('/api/events', {
    config: { access: 'event:manage' },
    schema: { tags, summary: 'Publish an event for one’s organisation', body: CreateEventBody, response: { 201: EventView } },
    handler: async (req, reply) => {
      const id = await events.createEvent({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await presentEvent(db, req.actor, id));
    },
  });

  app.patch('/api/events/:id', {
    config: { access: 'event:manage' },
    schema: {
      tags,
      summary: 'Edit an event that has not begun (its organiser); registrants are told of a new time or place',
      params: Id,
      body: UpdateEventBody,
      response: { 200: EventView },
    },
    handler: async (req) => {
      await events.updateEvent({ db, actor: req.actor, id: req.params.id, input: req.body });
      return presentEvent(db, req.actor, req.params.id);
    },
  });

  app.post('/api/events/:id/projects', {
    config: { access: 'event:manage' },
    schema: {
      tags,
      summary: 'Add a presented project (a published achievement, or a title)',
      params: Id,
      body: AddProjectBody,
      response: { 201: EventView },
    },
    handler: async (req, reply) => {
      await events.addProject({ db, actor: req.actor, eventId: req.params.id, input: req.body });
      return reply.status(201).send(await presentEvent(db, req.actor, req.params.id));
    },
  });

  app.post('/api/events/:id/cancel', {
    config: { access: 'event:manage' },
    schema: {
      tags,
      summary: 'Cancel an event (registrants are told)',
      params: Id,
      body: z.object({ reason: z.string().trim().max(500).optional() }).default({}),
      response: { 200: EventView },
    },
    handler: async (req) => {
      await events.cancelEvent({ db, actor: req.actor, id: req.params.id, reason: req.body.reason });
      return presentEvent(db, req.actor, req.params.id);
    },
  });

  app.post('/api/events/:id/registrations', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Register: a seat while any is free, else the waiting list',
      params: Id,
      body: RegisterBody.default({}),
      response: { 201: RegistrationView },
    },
    handler: async (req, reply) => {
      const id = await registrations.register({ db, actor: req.actor, eventId: req.params.id, input: req.body });
      return reply.status(201).send(await registrationView(req.actor.userId, id));
    },
  });

  app.post('/api/event-registrations/:id/cancel', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Cancel a registration (the holder or the organiser); the next in line gets the seat',
      params: Id,
      response: { 200: RegistrationView },
    },
    handler: async (req) => {
      await registrations.cancelRegistration({ db, actor: req.actor, id: req.params.id });
      return registrationView(req.actor.userId, req.params.id);
    },
  });

  app.get('/api/me/event-registrations', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My registrations, with tickets', response: { 200: Items(RegistrationView) } },
    handler: async (req) => {
      const rows = await registrations.myRegistrations({ db, actor: req.actor });
      const evs = new Map<string, events.EventRow>();
      for (const id of new Set(rows.map((r) => r.eventId))) evs.set(id, await events.findEvent(db, id));
      return { items: await presentRegistrations(db, rows, { withTicketFor: req.actor.userId, events: evs }) };
    },
  });

  app.get('/api/events/:id/registrations', {
    config: { access: 'event:manage' },
    schema: { tags, summary: 'The registrations of an event (its organiser)', params: Id, response: { 200: Items(RegistrationView) } },
    handler: async (req) => {
      const rows = await registrations.eventRegistrationList({ db, actor: req.actor, eventId: req.params.id });
      const event = await events.findEvent(db, req.params.id);
      return { items: await presentRegistrations(db, rows, { events: new Map([[event.id, event]]) }) };
    },
  });

  app.post('/api/events/:id/check-in', {
    config: { access: 'event:manage' },
    schema: {
      tags,
      summary: 'Check a ticket in (the token the ticket’s QR code carries)',
      params: Id,
      body: CheckInBody,
      response: { 200: RegistrationView },
    },
    handler: async (req) =>
      registrationView(null, await registrations.checkIn({ db, actor: req.actor, eventId: req.params.id, ticket: req.body.ticket })),
  });

  app.post('/api/events/:id/projects/:projectId/scores', {
    config: { access: 'event:judge' },
    schema: {
      tags,
      summary: 'A judge scores a pitch on the roadshow sheet',
      params: ProjectId,
      body: ScoreBody,
      response: { 201: EventView },
    },
    handler: async (req, reply) => {
      await events.scorePitch({ db, actor: req.actor, eventId: req.params.id, projectId: req.params.projectId, input: req.body });
      return reply.status(201).send(await presentEvent(db, req.actor, req.params.id));
    },
  });

  app.post('/api/events/:id/projects/:projectId/intents', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Record a follow-up intent on a presented project',
      params: ProjectId,
      body: IntentBody,
      response: { 201: EventView },
    },
    handler: async (req, reply) => {
      await events.recordIntent({ db, actor: req.actor, eventId: req.params.id, projectId: req.params.projectId, input: req.body });
      return reply.status(201).send(await presentEvent(db, req.actor, req.params.id));
    },
  });

  app.get('/api/events/:id/statistics', {
    config: { access: 'event:manage' },
    schema: { tags, summary: 'Statistics of one event (its organiser)', params: Id, response: { 200: EventStatistics } },
    handler: async (req) => {
      const event = await events.findEvent(db, req.params.id);
      events.assertManager(req.actor, event);
      return presentStatistics(db, req.params.id);
    },
  });
};
