import { z } from 'zod';
import {
  AwardContractBody,
  ChallengeStatistics,
  ChallengeSummary,
  ChallengeTransitionBody,
  ChallengeView,
  CreateChallengeBody,
  HallQuery,
  ProposalBody,
  ProposalView,
  RegistrationBody,
  ScoreBody,
  StageBody,
} from '../../../common/api/challenges.js';
import { ContractPrefill } from '../../../common/api/contracts.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { addStage, applyForContract, prefillContract } from './award.js';
import { presentChallenge, presentChallenges, presentProposals } from './presenter.js';
import { getProposal, listProposals, registerForChallenge, scoreProposal, submitProposal } from './proposals.js';
import { sealSecret } from './secret.js';
import * as challenges from './service.js';

const tags = ['challenges'];
const Id = z.object({ id: z.uuid() });
const ProposalId = z.object({ id: z.uuid(), proposalId: z.uuid() });

export const challengeRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, config } = app.ctx;
  const secret = () => sealSecret(config);
  const view = async (actor: Actor, id: string) => presentChallenge(db, actor, await challenges.getChallenge({ db, actor, id }));
  const proposalView = async (actor: Actor, id: string, proposalId: string) => {
    const { proposal } = await getProposal({ db, actor, id, proposalId, sealSecret: secret() });
    return (await presentProposals(db, actor, [proposal]))[0]!;
  };

  app.get('/api/challenges', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The challenge hall (揭榜大厅): published challenges with their deadlines for countdowns, and the hall’s figures',
      querystring: HallQuery,
      response: { 200: z.object({ items: z.array(ChallengeSummary), statistics: ChallengeStatistics, now: z.string() }) },
    },
    handler: async (req) => ({
      items: await presentChallenges(db, req.actor, await challenges.listHall({ db, query: req.query })),
      statistics: await challenges.challengeStatistics({ db }),
      now: new Date(app.ctx.clock.now()).toISOString(),
    }),
  });

  app.get('/api/challenges/statistics', {
    config: { access: 'public' },
    schema: { tags, summary: 'Challenges, proposals, awards and contracts from challenges', response: { 200: ChallengeStatistics } },
    handler: async () => challenges.challengeStatistics({ db }),
  });

  app.post('/api/challenges', {
    config: { access: 'challenge:sponsor' },
    schema: {
      tags,
      summary: 'File a challenge (draft), usually from one of the organisation’s published demands',
      body: CreateChallengeBody,
      response: { 201: ChallengeView },
    },
    handler: async (req, reply) => {
      const id = await challenges.createChallenge({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/me/challenges', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Challenges my organisations sponsor or registered for (staff: those in their scope)',
      response: { 200: z.object({ items: z.array(ChallengeSummary) }) },
    },
    handler: async (req) => ({
      items: await presentChallenges(db, req.actor, await challenges.listMyChallenges({ db, actor: req.actor })),
    }),
  });

  app.get('/api/challenges/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One challenge (drafts only to the sponsor and staff)', params: Id, response: { 200: ChallengeView } },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.put('/api/challenges/:id', {
    config: { access: 'challenge:sponsor' },
    schema: { tags, summary: 'Edit a draft challenge', params: Id, body: CreateChallengeBody, response: { 200: ChallengeView } },
    handler: async (req) => {
      await challenges.updateChallenge({ db, actor: req.actor, id: req.params.id, input: req.body });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/challenges/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Move a challenge along its lifecycle (screening, publication, scoring, shortlist, roadshow, award, cancel)',
      params: Id,
      body: ChallengeTransitionBody,
      response: { 200: ChallengeView },
    },
    handler: async (req) => {
      await challenges.transitionChallenge({ db, actor: req.actor, id: req.params.id, body: req.body, sealSecret: secret() });
      return view(req.actor, req.params.id);
    },
  });

  app.post('/api/challenges/:id/registrations', {
    config: { access: 'challenge:solve' },
    schema: {
      tags,
      summary: 'Register my organisation (or consortium it leads) and accept the challenge agreement',
      params: Id,
      body: RegistrationBody,
      response: { 201: ChallengeView },
    },
    handler: async (req, reply) => {
      await registerForChallenge({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });

  app.post('/api/challenges/:id/proposals', {
    config: { access: 'challenge:solve' },
    schema: {
      tags,
      summary: 'Submit (or replace) my sealed proposal (挑战报告) before the deadline',
      params: Id,
      body: ProposalBody,
      response: { 201: ProposalView },
    },
    handler: async (req, reply) => {
      const row = await submitProposal({ db, actor: req.actor, id: req.params.id, input: req.body, sealSecret: secret() });
      return reply.status(201).send(await proposalView(req.actor, req.params.id, row.id));
    },
  });

  app.get('/api/challenges/:id/proposals', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Proposals: no content to anyone before the deadline (the submitter sees its own)',
      params: Id,
      response: { 200: z.object({ sealed: z.boolean(), submissionDeadline: z.string(), items: z.array(ProposalView) }) },
    },
    handler: async (req) => {
      const { challenge, sealed, items } = await listProposals({ db, actor: req.actor, id: req.params.id, sealSecret: secret() });
      return {
        sealed,
        submissionDeadline: challenge.submissionDeadline.toISOString(),
        items: await presentProposals(db, req.actor, items),
      };
    },
  });

  app.get('/api/challenges/:id/proposals/:proposalId', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'One proposal: 404 before the deadline to everyone but the submitting organisation',
      params: ProposalId,
      response: { 200: ProposalView },
    },
    handler: async (req) => proposalView(req.actor, req.params.id, req.params.proposalId),
  });

  app.put('/api/challenges/:id/proposals/:proposalId/score', {
    config: { access: 'expert:score' },
    schema: {
      tags,
      summary: 'An expert seated on the proposal’s panel scores it on the challenge_proposal sheet (shared scoring engine)',
      params: ProposalId,
      body: ScoreBody,
      response: { 200: ProposalView },
    },
    handler: async (req) => {
      await scoreProposal({
        db,
        actor: req.actor,
        id: req.params.id,
        proposalId: req.params.proposalId,
        input: req.body,
        sealSecret: secret(),
      });
      return proposalView(req.actor, req.params.id, req.params.proposalId);
    },
  });

  app.post('/api/challenges/:id/stages', {
    config: { access: 'challenge:manage' },
    schema: {
      tags,
      summary: '赛马: record a stage — the teams kept and the milestone payments made',
      params: Id,
      body: StageBody,
      response: { 201: ChallengeView },
    },
    handler: async (req, reply) => {
      await addStage({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send(await view(req.actor, req.params.id));
    },
  });

  app.get('/api/challenges/:id/contract-prefill', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'The technology-contract application an award becomes (the awarded organisation)',
      params: Id,
      querystring: z.object({ organizationId: z.uuid().optional() }),
      response: { 200: ContractPrefill.omit({ dealId: true }) },
    },
    handler: async (req) => {
      const pre = await prefillContract({ db, actor: req.actor, id: req.params.id, organizationId: req.query.organizationId });
      return { input: pre.input, missing: pre.missing };
    },
  });

  app.post('/api/challenges/:id/contract', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'File the award’s contract application (a draft in contracts, prefilled from the award)',
      params: Id,
      body: AwardContractBody,
      response: { 201: z.object({ contractId: z.string() }) },
    },
    handler: async (req, reply) => {
      const contractId = await applyForContract({ db, actor: req.actor, id: req.params.id, input: req.body });
      return reply.status(201).send({ contractId });
    },
  });
};
