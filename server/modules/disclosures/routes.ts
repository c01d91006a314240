import { z } from 'zod';
import {
  AssessmentInput,
  DecisionInput,
  DISCLOSURE_STATUSES,
  DisclosureInput,
  DisclosureSummary,
  DisclosureView,
  TransitionBody,
} from '../../../common/api/disclosures.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { sheetOf } from '../experts/scoring.js';
import { DISCLOSURE_PARAMETERS } from './parameters.js';
import { presentDisclosure, presentDisclosures } from './presenter.js';
import * as disclosures from './service.js';

const tags = ['disclosures'];
const Id = z.object({ id: z.uuid() });

export const disclosureRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Parameters<typeof disclosures.getDisclosure>[0]['actor'], id: string) =>
    presentDisclosure(db, actor, await disclosures.getDisclosure({ db, actor, id }));

  app.get('/api/disclosures/parameters', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The disclosure flow’s periods with their sources, and the assessment sheet',
      response: {
        200: z.object({
          parameters: z.record(z.string(), z.object({ value: z.number(), source: z.string() })),
          sheet: z.object({
            key: z.string(),
            name: z.string(),
            source: z.string(),
            criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
          }),
        }),
      },
    },
    handler: async () => ({ parameters: { ...DISCLOSURE_PARAMETERS }, sheet: sheetOf(disclosures.DISCLOSURE_SHEET_KEY) }),
  });

  app.post('/api/disclosures', {
    config: { access: 'disclosure:file' },
    schema: {
      tags,
      summary: 'Disclose an invention (职务发明披露) to my organisation (a draft the inventors then confirm)',
      querystring: z.object({ organizationId: z.uuid().optional() }),
      body: DisclosureInput,
      response: { 201: DisclosureView },
    },
    handler: async (req, reply) => {
      const id = await disclosures.createDisclosure({ db, actor: req.actor, input: req.body, organizationId: req.query.organizationId });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/me/disclosures', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Disclosures I submitted, am an inventor of, or review',
      response: { 200: z.object({ items: z.array(DisclosureSummary) }) },
    },
    handler: async (req) => ({ items: await presentDisclosures(db, await disclosures.listMyDisclosures({ db, actor: req.actor })) }),
  });

  app.get('/api/disclosures/queue', {
    config: { access: 'disclosure:manage' },
    schema: {
      tags,
      summary: 'The TTO’s queue of its organisations’ disclosures; overdue=true: past the decision due date',
      querystring: z.object({ overdue: z.stringbool().optional(), status: z.enum(DISCLOSURE_STATUSES).optional() }),
      response: { 200: z.object({ items: z.array(DisclosureSummary) }) },
    },
    handler: async (req) => ({
      items: await presentDisclosures(
        db,
        await disclosures.listQueue({ db, actor: req.actor, overdue: req.query.overdue, status: req.query.status }),
      ),
    }),
  });

  app.get('/api/disclosures/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One disclosure (the confidential part for TTO staff and inventors only)',
      params: Id,
      response: { 200: DisclosureView },
    },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.put('/api/disclosures/:id', {
    config: { access: 'disclosure:file' },
    schema: {
      tags,
      summary: 'Edit a draft or returned disclosure (the inventors confirm again)',
      params: Id,
      body: DisclosureInput,
      response: { 200: DisclosureView },
    },
    handler: async (req) => {
      await disclosures.updateDisclosure({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/disclosures/:id/inventors/:inventorId/confirm', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary:
        'An inventor confirms the disclosure and their contribution (TTO staff record a paper confirmation for one without an account)',
      params: z.object({ id: z.uuid(), inventorId: z.uuid() }),
      response: { 200: DisclosureView },
    },
    handler: async (req) => {
      await disclosures.confirmInventor({ db, actor: req.actor, id: req.params.id, inventorId: req.params.inventorId });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/disclosures/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'submit, withdraw (submitter); return with a reason, start_assessment (TTO)',
      params: Id,
      body: TransitionBody,
      response: { 200: DisclosureView },
    },
    handler: async (req) => {
      await disclosures.transitionDisclosure({ db, actor: req.actor, id: req.params.id, action: req.body.action, reason: req.body.reason });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/disclosures/:id/panel', {
    config: { access: 'disclosure:manage' },
    schema: {
      tags,
      summary: 'Ask experts: a panel drawn from the expert pool (the organisation and the inventors excluded), scoring on the shared sheet',
      params: Id,
      body: z.object({ size: z.number().int().min(1).max(15), dueAt: z.iso.datetime().optional() }),
      response: { 200: DisclosureView },
    },
    handler: async (req) => {
      await disclosures.openExpertPanel({
        db,
        actor: req.actor,
        id: req.params.id,
        size: req.body.size,
        dueAt: req.body.dueAt ? new Date(req.body.dueAt) : null,
      });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/disclosures/:id/assessments', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'The technology manager scores the disclosure on the shared sheet (again replaces)',
      params: Id,
      body: AssessmentInput,
      response: { 200: DisclosureView },
    },
    handler: async (req) => {
      await disclosures.assessDisclosure({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/disclosures/:id/decision', {
    config: { access: 'disclosure:manage' },
    schema: {
      tags,
      summary: 'Decide: file a patent, know-how, license/assign, 赋权 to the inventors, or release',
      params: Id,
      body: DecisionInput,
      response: { 200: DisclosureView },
    },
    handler: async (req) => {
      await disclosures.decideDisclosure({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/disclosures/:id/achievement', {
    config: { access: 'disclosure:manage' },
    schema: {
      tags,
      summary: 'Turn a decided disclosure into a draft achievement of the organisation',
      params: Id,
      response: { 201: DisclosureView },
    },
    handler: async (req, reply) => {
      await disclosures.createAchievementFromDisclosure({ db, actor: req.actor, id: req.params.id });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });
};
