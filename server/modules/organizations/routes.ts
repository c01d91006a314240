import { z } from 'zod';
import { RegisterBody } from '../../../common/api/identity.js';
import {
  AddMemberBody,
  InvitationView,
  MyInvitationView,
  ListOrganizationsQuery,
  MemberView,
  OrganizationView,
  RegionView,
  ReviewOrganizationBody,
  UpdateOrganizationBody,
} from '../../../common/api/organizations.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentOrganization } from './presenter.js';
import { listMyInvitations, presentInvitation, respondToInvitation } from './invitations.js';
import * as orgs from './service.js';

const tags = ['organizations'];
const IdParams = z.object({ id: z.uuid('must be an organisation id') });

export const organizationRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.post('/api/register', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Register an organisation and its first admin; the organisation waits for approval',
      body: RegisterBody,
      response: { 201: z.object({ organization: OrganizationView, userId: z.string() }) },
    },
    handler: async (req, reply) => {
      const r = await orgs.registerOrganization({ db, actor: req.actor, input: req.body });
      return reply.status(201).send({ organization: presentOrganization(r.organization, req.actor), userId: r.userId });
    },
  });

  app.get('/api/regions', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The region tree as a flat list (city → district → park, and provinces)',
      response: { 200: z.object({ items: z.array(RegionView) }) },
    },
    handler: async () => ({ items: await orgs.listRegions({ db }) }),
  });

  app.get('/api/organizations/mine', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Organisations the caller belongs to (pending ones included)',
      response: { 200: z.object({ items: z.array(OrganizationView) }) },
    },
    handler: async (req) => ({
      items: (await orgs.listMyOrganizations({ db, actor: req.actor })).map((o) => presentOrganization(o, req.actor)),
    }),
  });

  app.get('/api/organizations', {
    config: { access: 'org:read_region' },
    schema: {
      tags,
      summary: 'Organisations in the caller’s scope (all for platform admins, the region subtree for officers)',
      querystring: ListOrganizationsQuery,
      response: { 200: z.object({ items: z.array(OrganizationView), total: z.number() }) },
    },
    handler: async (req) => {
      const r = await orgs.listOrganizations({ db, actor: req.actor, query: req.query });
      return { items: r.items.map((o) => presentOrganization(o, req.actor)), total: r.total };
    },
  });

  app.get('/api/organizations/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One organisation (404 when out of the caller’s scope)',
      params: IdParams,
      response: { 200: OrganizationView },
    },
    handler: async (req) => presentOrganization(await orgs.getOrganization({ db, actor: req.actor, id: req.params.id }), req.actor),
  });

  app.patch('/api/organizations/:id', {
    config: { access: 'org:update_own' },
    schema: {
      tags,
      summary: 'Edit the organisation profile',
      params: IdParams,
      body: UpdateOrganizationBody,
      response: { 200: OrganizationView },
    },
    handler: async (req) =>
      presentOrganization(await orgs.updateOrganization({ db, actor: req.actor, id: req.params.id, patch: req.body }), req.actor),
  });

  app.post('/api/organizations/:id/review', {
    config: { access: 'org:review' },
    schema: {
      tags,
      summary: 'Approve, reject, suspend or reactivate an organisation',
      params: IdParams,
      body: ReviewOrganizationBody,
      response: { 200: OrganizationView },
    },
    handler: async (req) =>
      presentOrganization(
        await orgs.reviewOrganization({ db, actor: req.actor, id: req.params.id, decision: req.body.decision, reason: req.body.reason }),
        req.actor,
      ),
  });

  app.get('/api/organizations/:id/members', {
    config: { access: 'org:read_own' },
    schema: { tags, summary: 'Members and their roles', params: IdParams, response: { 200: z.object({ items: z.array(MemberView) }) } },
    handler: async (req) => ({
      items: (await orgs.listMembers({ db, actor: req.actor, id: req.params.id })) as z.infer<typeof MemberView>[],
    }),
  });

  app.post('/api/organizations/:id/members', {
    config: { access: 'org:manage_members' },
    schema: {
      tags,
      summary: 'Invite a person by e-mail (an unknown e-mail gets an account); the same answer either way, the role only on acceptance',
      params: IdParams,
      body: AddMemberBody,
      response: { 202: z.object({ invitation: InvitationView }) },
    },
    handler: async (req, reply) =>
      reply
        .status(202)
        .send({ invitation: presentInvitation(await orgs.addMember({ db, actor: req.actor, id: req.params.id, input: req.body })) }),
  });

  app.get('/api/organizations/:id/invitations', {
    config: { access: 'org:manage_members' },
    schema: {
      tags,
      summary: 'Invitations sent by this organisation and their answers',
      params: IdParams,
      response: { 200: z.object({ items: z.array(InvitationView) }) },
    },
    handler: async (req) => ({
      items: (await orgs.listOrganizationInvitations({ db, actor: req.actor, id: req.params.id })).map(presentInvitation),
    }),
  });

  app.get('/api/me/invitations', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Invitations waiting for the caller’s answer',
      response: { 200: z.object({ items: z.array(MyInvitationView) }) },
    },
    handler: async (req) => ({ items: await listMyInvitations({ db, actor: req.actor }) }),
  });

  for (const decision of ['accept', 'decline'] as const) {
    app.post(`/api/me/invitations/:id/${decision}`, {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: decision === 'accept' ? 'Accept an invitation: the role in the organisation starts now' : 'Decline an invitation',
        params: z.object({ id: z.uuid('must be an invitation id') }),
        response: { 204: z.null() },
      },
      handler: async (req, reply) => {
        await respondToInvitation({ db, actor: req.actor, id: req.params.id, decision });
        return reply.status(204).send(null);
      },
    });
  }

  app.delete('/api/organizations/:id/members/:userId', {
    config: { access: 'org:manage_members' },
    schema: {
      tags,
      summary: 'Remove a member’s roles in this organisation',
      params: IdParams.extend({ userId: z.uuid() }),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await orgs.removeMember({ db, actor: req.actor, id: req.params.id, userId: req.params.userId });
      return reply.status(204).send(null);
    },
  });
};
