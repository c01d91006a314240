import { z } from 'zod';
import {
  AllianceBody,
  AllianceView,
  ApplicationBody,
  ApplicationSummary,
  ApplicationView,
  CreateRoundBody,
  InstitutionsQuery,
  InstitutionSummary,
  InstitutionView,
  PanelBody,
  ProfileBody,
  ROUND_TRANSITIONS,
  RoundSummary,
  RoundView,
} from '../../../common/api/institutions.js';
import { typed, type Routes } from '../../lib/http/context.js';
import * as alliances from './alliances.js';
import * as applications from './applications.js';
import * as profiles from './profiles.js';
import * as rounds from './rounds.js';

const tags = ['institutions'];
const Id = z.object({ id: z.uuid() });

export const institutionRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/institutions', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The directory of technology-transfer institutions (技术转移机构), with service records computed from the platform',
      querystring: InstitutionsQuery,
      response: { 200: z.object({ items: z.array(InstitutionSummary), total: z.number().int() }) },
    },
    handler: async (req) => profiles.listInstitutions({ db, query: req.query }),
  });

  app.get('/api/institutions/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One institution: profile, brokers, service record, demonstration title, alliances',
      params: Id,
      response: { 200: InstitutionView },
    },
    handler: async (req) => profiles.getInstitution({ db, actor: req.actor, id: req.params.id }),
  });

  app.put('/api/institutions/:id/profile', {
    config: { access: 'institution:update_own' },
    schema: {
      tags,
      summary: 'Edit my institution’s profile (GB/T 34670-2017 service types, founding date, staff)',
      params: Id,
      body: ProfileBody,
      response: { 200: InstitutionView },
    },
    handler: async (req) => {
      await profiles.updateProfile({ db, actor: req.actor, id: req.params.id, input: req.body });
      return profiles.getInstitution({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.get('/api/demonstration-rounds', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Demonstration-institution rounds (示范机构认定), newest first',
      response: { 200: z.object({ items: z.array(RoundSummary) }) },
    },
    handler: async () => ({ items: await rounds.listRounds({ db }) }),
  });

  app.get('/api/demonstration-rounds/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A round: thresholds with sources, score sheet, published results', params: Id, response: { 200: RoundView } },
    handler: async (req) => rounds.getRound({ db, actor: req.actor, id: req.params.id }),
  });

  app.post('/api/demonstration-rounds', {
    config: { access: 'institution:certify' },
    schema: { tags, summary: 'Open a yearly round with its entry thresholds', body: CreateRoundBody, response: { 201: RoundView } },
    handler: async (req, reply) => {
      const id = await rounds.createRound({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await rounds.getRound({ db, actor: req.actor, id }));
    },
  });

  app.post('/api/demonstration-rounds/:id/transitions', {
    config: { access: 'institution:certify' },
    schema: {
      tags,
      summary: 'Close applications (threshold checks decide who is scored), publish results (notice period), finalise (titles)',
      params: Id,
      body: z.object({ action: z.enum(ROUND_TRANSITIONS) }),
      response: { 200: RoundView },
    },
    handler: async (req) => {
      await rounds.transitionRound({ db, actor: req.actor, id: req.params.id, action: req.body.action });
      return rounds.getRound({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.get('/api/demonstration-rounds/:id/applications', {
    config: { access: 'institution:certify' },
    schema: {
      tags,
      summary: 'The applications of a round (certifiers)',
      params: Id,
      response: { 200: z.object({ items: z.array(ApplicationSummary) }) },
    },
    handler: async (req) => ({ items: await applications.listRoundApplications({ db, actor: req.actor, roundId: req.params.id }) }),
  });

  app.post('/api/demonstration-rounds/:id/applications', {
    config: { access: 'institution:update_own' },
    schema: {
      tags,
      summary: 'Start my institution’s application: the platform prefills its figures and checks the thresholds',
      params: Id,
      body: ApplicationBody,
      response: { 201: ApplicationView },
    },
    handler: async (req, reply) => {
      const id = await applications.createApplication({ db, actor: req.actor, roundId: req.params.id, input: req.body });
      return reply.status(201).send(await applications.getApplication({ db, actor: req.actor, id }));
    },
  });

  app.get('/api/me/demonstration-applications', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'My institutions’ applications and the applications I am to score',
      response: { 200: z.object({ mine: z.array(ApplicationSummary), toScore: z.array(ApplicationSummary) }) },
    },
    handler: async (req) => applications.listMyApplications({ db, actor: req.actor }),
  });

  app.get('/api/demonstration-applications/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One application: figures, threshold checks, scores (applicant, certifiers, its scorers)',
      params: Id,
      response: { 200: ApplicationView },
    },
    handler: async (req) => applications.getApplication({ db, actor: req.actor, id: req.params.id }),
  });

  app.patch('/api/demonstration-applications/:id', {
    config: { access: 'institution:update_own' },
    schema: {
      tags,
      summary: 'Edit a draft application (declared figures, statement); re-checked',
      params: Id,
      body: ApplicationBody,
      response: { 200: ApplicationView },
    },
    handler: async (req) => {
      await applications.updateApplication({ db, actor: req.actor, id: req.params.id, input: req.body });
      return applications.getApplication({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.post('/api/demonstration-applications/:id/transitions', {
    config: { access: 'institution:update_own' },
    schema: {
      tags,
      summary: 'Submit or withdraw my application',
      params: Id,
      body: z.object({ action: z.enum(['submit', 'withdraw']) }),
      response: { 200: ApplicationView },
    },
    handler: async (req) => {
      await applications.transitionApplication({ db, actor: req.actor, id: req.params.id, action: req.body.action });
      return applications.getApplication({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.post('/api/demonstration-applications/:id/panel', {
    config: { access: 'institution:certify' },
    schema: {
      tags,
      summary: 'Draw the expert panel that scores an application (shared engine; experts of the applicant excluded)',
      params: Id,
      body: PanelBody,
      response: { 200: ApplicationView },
    },
    handler: async (req) => {
      await applications.assignPanel({ db, actor: req.actor, id: req.params.id, size: req.body.size, dueOn: req.body.dueOn });
      return applications.getApplication({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.get('/api/alliances', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Alliances (联盟) with their lead and members',
      response: { 200: z.object({ items: z.array(AllianceView) }) },
    },
    handler: async (req) => ({ items: await alliances.listAlliances({ db, actor: req.actor }) }),
  });

  app.get('/api/alliances/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One alliance', params: Id, response: { 200: AllianceView } },
    handler: async (req) => alliances.getAlliance({ db, actor: req.actor, id: req.params.id }),
  });

  app.post('/api/alliances', {
    config: { access: 'institution:certify' },
    schema: { tags, summary: 'Record an alliance with its lead and members', body: AllianceBody, response: { 201: AllianceView } },
    handler: async (req, reply) => {
      const id = await alliances.createAlliance({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await alliances.getAlliance({ db, actor: req.actor, id }));
    },
  });

  app.post('/api/alliances/:id/members', {
    config: { access: 'institution:certify' },
    schema: {
      tags,
      summary: 'Add a member organisation',
      params: Id,
      body: z.object({ organizationId: z.uuid() }),
      response: { 200: AllianceView },
    },
    handler: async (req) => {
      await alliances.addAllianceMember({ db, actor: req.actor, id: req.params.id, organizationId: req.body.organizationId });
      return alliances.getAlliance({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.delete('/api/alliances/:id/members/:organizationId', {
    config: { access: 'institution:certify' },
    schema: {
      tags,
      summary: 'Remove a member (never the lead)',
      params: z.object({ id: z.uuid(), organizationId: z.uuid() }),
      response: { 200: AllianceView },
    },
    handler: async (req) => {
      await alliances.removeAllianceMember({ db, actor: req.actor, id: req.params.id, organizationId: req.params.organizationId });
      return alliances.getAlliance({ db, actor: req.actor, id: req.params.id });
    },
  });
};
