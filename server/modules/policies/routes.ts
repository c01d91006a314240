import { z } from 'zod';
import {
  MatchQuery,
  PoliciesQuery,
  PolicyBody,
  PolicyMatchView,
  PolicySummary,
  PolicyView,
  UpdatePolicyBody,
} from '../../../common/api/policies.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentPolicy, presentPolicySummaries } from './presenter.js';
import * as policies from './service.js';

const tags = ['policies'];
const Id = z.object({ id: z.uuid() });

export const policyRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/policies', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The policy library (政策库), searchable',
      querystring: PoliciesQuery,
      response: { 200: z.object({ items: z.array(PolicySummary), total: z.number().int() }) },
    },
    handler: async (req) => {
      const { rows, total } = await policies.listPolicies({ db, query: req.query });
      return { items: await presentPolicySummaries(db, rows), total };
    },
  });

  app.get('/api/policies/match', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Which policies apply to my organisation (type, region, its 科技型中小企业 self-assessment, fields)',
      querystring: MatchQuery,
      response: {
        200: z.object({
          organization: z.object({
            id: z.string(),
            name: z.string(),
            type: z.string(),
            regionCode: z.string(),
            /** The 科技型中小企业 self-assessment in force (finance module), null when none. */
            smeAssessment: z.object({ year: z.number().int(), qualified: z.boolean() }).nullable(),
          }),
          items: z.array(PolicyMatchView),
        }),
      },
    },
    handler: async (req) => {
      const { organization, items } = await policies.matchPoliciesForOrganization({ db, actor: req.actor, query: req.query });
      const summaries = await presentPolicySummaries(
        db,
        items.map((i) => i.row),
      );
      return { organization, items: items.map((i, k) => ({ policy: summaries[k]!, verdict: i.verdict, reasons: i.reasons })) };
    },
  });

  app.get('/api/policies/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One policy with its full text', params: Id, response: { 200: PolicyView } },
    handler: async (req) => presentPolicy(db, await policies.getPolicy({ db, actor: req.actor, id: req.params.id })),
  });

  app.post('/api/policies', {
    config: { access: 'policy:manage' },
    schema: { tags, summary: 'File a policy (a draft until published)', body: PolicyBody, response: { 201: PolicyView } },
    handler: async (req, reply) => {
      const id = await policies.createPolicy({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await presentPolicy(db, await policies.getPolicy({ db, actor: req.actor, id })));
    },
  });

  app.patch('/api/policies/:id', {
    config: { access: 'policy:manage' },
    schema: { tags, summary: 'Edit a draft policy (its managers)', params: Id, body: UpdatePolicyBody, response: { 200: PolicyView } },
    handler: async (req) => {
      await policies.updatePolicy({ db, actor: req.actor, id: req.params.id, input: req.body });
      return presentPolicy(db, await policies.getPolicy({ db, actor: req.actor, id: req.params.id }));
    },
  });

  app.post('/api/policies/:id/publish', {
    config: { access: 'policy:manage' },
    schema: {
      tags,
      summary: 'Publish a policy; matching organisations are notified',
      params: Id,
      response: { 200: PolicyView.extend({ notifiedOrganizations: z.number().int() }) },
    },
    handler: async (req) => {
      const told = await policies.publishPolicy({ db, actor: req.actor, id: req.params.id });
      return {
        ...(await presentPolicy(db, await policies.getPolicy({ db, actor: req.actor, id: req.params.id }))),
        notifiedOrganizations: told,
      };
    },
  });
};
