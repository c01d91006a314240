import { z } from 'zod';
import {
  AssignmentsQuery,
  AssignmentView,
  ExpertBody,
  ExpertListQuery,
  ExpertMatch,
  ExpertPatch,
  ExpertView,
  PanelResultView,
  ReasonBody,
  RelationBody,
  ScoreBody,
} from '../../../common/api/experts.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentAssignment, presentExpert, presentExperts, presentPanelResult } from './presenter.js';
import * as experts from './service.js';
import * as workspace from './workspace.js';

const tags = ['experts'];
const Id = z.object({ id: z.uuid() });

export const expertRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Actor, id: string) => presentExpert(db, actor, await experts.getExpert({ db, actor, id }));

  app.get('/api/experts', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The expert pool (专家库) directory; contact details only for staff',
      querystring: ExpertListQuery,
      response: { 200: z.object({ items: z.array(ExpertView), total: z.number().int() }) },
    },
    handler: async (req) => {
      const { items, total } = await experts.listExperts({ db, actor: req.actor, query: req.query });
      return { items: await presentExperts(db, req.actor, items), total };
    },
  });

  app.get('/api/experts/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One expert’s public profile (contact and relations for staff and the expert)',
      params: Id,
      response: { 200: ExpertView },
    },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.post('/api/experts', {
    config: { access: 'expert:manage' },
    schema: { tags, summary: 'Add an expert to the pool', body: ExpertBody, response: { 201: ExpertView } },
    handler: async (req, reply) => {
      const id = await experts.createExpert({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.patch('/api/experts/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Change an expert’s profile (staff: all; the expert: keywords, bio, contact, availability)',
      params: Id,
      body: ExpertPatch,
      response: { 200: ExpertView },
    },
    handler: async (req) => {
      await experts.updateExpert({ db, actor: req.actor, id: req.params.id, patch: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/experts/:id/relations', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Declare a relation or record a co-authorship (conflict rules exclude the expert from reviewing that party)',
      params: Id,
      body: RelationBody,
      response: { 201: ExpertView },
    },
    handler: async (req, reply) => {
      await experts.addRelation({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });

  app.delete('/api/experts/:id/relations/:relationId', {
    config: { access: 'expert:manage' },
    schema: {
      tags,
      summary: 'Remove a relation recorded in error',
      params: z.object({ id: z.uuid(), relationId: z.uuid() }),
      response: { 200: ExpertView },
    },
    handler: async (req) => {
      await experts.removeRelation({ db, actor: req.actor, id: req.params.id, relationId: req.params.relationId });
      return view(req.actor, req.params.id);
    },
  });

  app.get('/api/me/expert', {
    config: { access: 'expert:score' },
    schema: { tags, summary: 'My expert profile', response: { 200: ExpertView } },
    handler: async (req) => presentExpert(db, req.actor, await experts.myExpertProfile({ db, actor: req.actor })),
  });

  app.get('/api/me/assignments', {
    config: { access: 'expert:score' },
    schema: {
      tags,
      summary: 'My review assignments (panels I was drawn onto), open ones first',
      querystring: AssignmentsQuery,
      response: { 200: z.object({ items: z.array(AssignmentView) }) },
    },
    handler: async (req) => ({
      items: (await workspace.listMyAssignments({ db, actor: req.actor, status: req.query.status })).map(presentAssignment),
    }),
  });

  app.post('/api/panels/:id/scores', {
    config: { access: 'expert:score' },
    schema: {
      tags,
      summary: 'Submit my scores on the panel’s sheet (final once submitted)',
      params: Id,
      body: ScoreBody,
      response: { 200: AssignmentView },
    },
    handler: async (req) => {
      await workspace.scoreAssignment({ db, actor: req.actor, panelId: req.params.id, scores: req.body.scores, comment: req.body.comment });
      return presentAssignment(await workspace.myAssignment({ db, actor: req.actor, panelId: req.params.id }));
    },
  });

  for (const kind of ['conflict', 'decline'] as const) {
    app.post(`/api/panels/:id/${kind}`, {
      config: { access: 'expert:score' },
      schema: {
        tags,
        summary:
          kind === 'conflict'
            ? 'Declare a conflict of interest (回避): I am excused and a replacement is drawn'
            : 'Decline the assignment: I am excused and a replacement is drawn',
        params: Id,
        body: ReasonBody,
        response: { 200: z.object({ replaced: z.boolean() }) },
      },
      handler: async (req) => workspace.excuseFromPanel({ db, actor: req.actor, panelId: req.params.id, kind, reason: req.body.reason }),
    });
  }

  app.get('/api/panels/:id/result', {
    config: { access: 'expert:manage' },
    schema: { tags, summary: 'A panel’s members, scores and aggregate (staff)', params: Id, response: { 200: PanelResultView } },
    handler: async (req) => {
      const { panel, result } = await workspace.staffPanelResult({ db, actor: req.actor, panelId: req.params.id });
      return presentPanelResult(panel, result);
    },
  });

  app.get('/api/demands/:id/experts', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Experts matching a demand by field and research directions (the demand’s organisation and staff)',
      params: Id,
      response: { 200: z.object({ items: z.array(ExpertMatch) }) },
    },
    handler: async (req) => {
      const matches = await workspace.matchExpertsForDemand({ db, actor: req.actor, demandId: req.params.id });
      const views = await presentExperts(
        db,
        req.actor,
        matches.map((m) => ({ row: m.expert, relations: null, openAssignments: null })),
      );
      return { items: matches.map((m, i) => ({ expert: views[i]!, score: m.score, reasons: m.reasons })) };
    },
  });
};
