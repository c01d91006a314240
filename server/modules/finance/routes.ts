import { z } from 'zod';
import {
  FinancingRequestInput,
  FinancingRequestView,
  InterestInput,
  InterestView,
  InvestorProfileInput,
  InvestorsQuery,
  InvestorView,
  MatchView,
  PledgeLoanInput,
  PledgeLoanView,
  PledgeTransitionInput,
  RequestsQuery,
  SmeAssessmentInput,
  SmeAssessmentView,
} from '../../../common/api/finance.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import * as investors from './investors.js';
import * as pledges from './pledges.js';
import * as requests from './requests.js';
import * as sme from './sme.js';

const tags = ['finance'];
const Id = z.object({ id: z.uuid() });

export const financeRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const requestView = async (actor: Actor, id: string) =>
    (await requests.presentRequests(db, actor, [await requests.getFinancingRequest(db, id)], true))[0]!;
  const pledgeView = async (actor: Actor, id: string) =>
    (await pledges.presentPledges(db, [await pledges.getPledgeLoan({ db, actor, id })]))[0]!;

  app.get('/api/investors', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Investment institutions and banks with their preferences',
      querystring: InvestorsQuery,
      response: { 200: z.object({ items: z.array(InvestorView) }) },
    },
    handler: async (req) => ({ items: await investors.presentInvestors(db, await investors.listInvestors({ db, query: req.query })) }),
  });

  app.put('/api/me/investor-profile', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Keep my investment institution’s or bank’s profile (its administrators)',
      body: InvestorProfileInput,
      response: { 200: InvestorView },
    },
    handler: async (req) => {
      const orgId = await investors.upsertInvestorProfile({ db, actor: req.actor, input: req.body });
      return (await investors.presentInvestors(db, [(await investors.getProfile(db, orgId))!]))[0]!;
    },
  });

  app.get('/api/investors/:organizationId/matches', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Financing requests and achievements scored against the investor’s preferences (its members)',
      params: z.object({ organizationId: z.uuid() }),
      response: { 200: z.object({ requests: z.array(MatchView), achievements: z.array(MatchView) }) },
    },
    handler: async (req) => investors.investorMatches({ db, actor: req.actor, organizationId: req.params.organizationId }),
  });

  app.get('/api/financing-requests', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Financing requests (融资需求)',
      querystring: RequestsQuery,
      response: { 200: z.object({ items: z.array(FinancingRequestView) }) },
    },
    handler: async (req) => ({
      items: await requests.presentRequests(
        db,
        req.actor,
        await requests.listFinancingRequests({ db, actor: req.actor, query: req.query }),
      ),
    }),
  });

  app.post('/api/financing-requests', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Post a financing request for my organisation',
      body: FinancingRequestInput,
      response: { 201: FinancingRequestView },
    },
    handler: async (req, reply) => {
      const id = await requests.createFinancingRequest({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await requestView(req.actor, id));
    },
  });

  app.get('/api/financing-requests/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One financing request (its owner also sees every interest and the matched investors)',
      params: Id,
      response: { 200: FinancingRequestView },
    },
    handler: async (req) => requestView(req.actor, req.params.id),
  });

  app.post('/api/financing-requests/:id/transitions', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Mark my request funded, or close it',
      params: Id,
      body: z.object({ action: z.enum(['fund', 'close']) }),
      response: { 200: FinancingRequestView },
    },
    handler: async (req) => {
      await requests.transitionFinancingRequest({ db, actor: req.actor, id: req.params.id, action: req.body.action });
      return requestView(req.actor, req.params.id);
    },
  });

  app.post('/api/financing-requests/:id/interests', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Express my investor organisation’s interest (opens a thread)',
      params: Id,
      body: InterestInput,
      response: { 201: InterestView },
    },
    handler: async (req, reply) => {
      const id = await requests.expressInterest({ db, actor: req.actor, requestId: req.params.id, input: req.body });
      return reply.status(201).send(await requests.getInterest({ db, actor: req.actor, id }));
    },
  });

  app.get('/api/financing-interests/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'An interest and its thread (the two sides only)', params: Id, response: { 200: InterestView } },
    handler: async (req) => requests.getInterest({ db, actor: req.actor, id: req.params.id }),
  });

  app.post('/api/financing-interests/:id/messages', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Write in the thread',
      params: Id,
      body: z.object({ body: z.string().trim().min(1).max(5000) }),
      response: { 201: InterestView },
    },
    handler: async (req, reply) => {
      await requests.postInterestMessage({ db, actor: req.actor, id: req.params.id, body: req.body.body });
      return reply.status(201).send(await requests.getInterest({ db, actor: req.actor, id: req.params.id }));
    },
  });

  app.post('/api/financing-interests/:id/transitions', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Accept or decline an interest (the requester), or withdraw it (the investor)',
      params: Id,
      body: z.object({ action: z.enum(['accept', 'decline', 'withdraw']) }),
      response: { 200: InterestView },
    },
    handler: async (req) => {
      await requests.transitionInterest({ db, actor: req.actor, id: req.params.id, action: req.body.action });
      return requests.getInterest({ db, actor: req.actor, id: req.params.id });
    },
  });

  app.put('/api/me/sme-assessments/:year', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: '科技型中小企业 self-assessment for a year (国科发政〔2017〕115号), stored per organisation and year',
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: SmeAssessmentInput,
      response: { 200: SmeAssessmentView },
    },
    handler: async (req) => sme.assessOwnSme({ db, actor: req.actor, year: req.params.year, input: req.body }),
  });

  app.get('/api/me/sme-assessments', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My organisations’ self-assessments', response: { 200: z.object({ items: z.array(SmeAssessmentView) }) } },
    handler: async (req) => ({ items: await sme.listOwnSme({ db, actor: req.actor }) }),
  });

  app.post('/api/pledge-loans', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Apply to a bank for an IP-pledge loan (知识产权质押融资)',
      body: PledgeLoanInput,
      response: { 201: PledgeLoanView },
    },
    handler: async (req, reply) => {
      const id = await pledges.applyForPledgeLoan({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await pledgeView(req.actor, id));
    },
  });

  app.get('/api/me/pledge-loans', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Pledge loans of my organisations, as applicant or as the bank',
      response: { 200: z.object({ items: z.array(PledgeLoanView) }) },
    },
    handler: async (req) => ({ items: await pledges.presentPledges(db, await pledges.listMyPledgeLoans({ db, actor: req.actor })) }),
  });

  app.get('/api/pledge-loans/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One pledge loan (the applicant and the bank)', params: Id, response: { 200: PledgeLoanView } },
    handler: async (req) => pledgeView(req.actor, req.params.id),
  });

  app.post('/api/pledge-loans/:id/transitions', {
    config: { access: 'finance:participate' },
    schema: {
      tags,
      summary: 'Bank decision, pledge registration, repayment and release; withdrawal by the applicant',
      params: Id,
      body: PledgeTransitionInput,
      response: { 200: PledgeLoanView },
    },
    handler: async (req) => {
      await pledges.transitionPledgeLoan({ db, actor: req.actor, id: req.params.id, input: req.body });
      return pledgeView(req.actor, req.params.id);
    },
  });
};
