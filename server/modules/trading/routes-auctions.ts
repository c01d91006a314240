import { z } from 'zod';
import {
  AuctionCreateBody,
  AuctionPage,
  AuctionSnapshot,
  AuctionsQuery,
  AuctionView,
  BidBody,
  BidPage,
  BidResult,
  BidsQuery,
  PaymentConfirmBody,
  QualificationBody,
  ReasonBody,
  RefundConfirmBody,
  RegistrationCreateBody,
  RegistrationView,
} from '../../../common/api/trading.js';
import { typed } from '../../lib/http/context.js';
import type { FastifyInstance } from 'fastify';
import * as auctions from './auctions.js';
import { getAuctionSnapshot, listBids } from './bid-history.js';
import { placeBid } from './bids.js';
import type { AuctionEventHub } from './events.js';
import * as registrations from './registrations.js';
import { streamAuctionEvents } from './sse.js';

const IdParams = z.object({ id: z.uuid('must be an id') });
const tags = ['trading'];
const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
});

/** Auctions, bidders and bids (the route list is in common/api/trading.ts). */
export function auctionRoutes(instance: FastifyInstance, hub: AuctionEventHub) {
  const app = typed(instance);
  const { db, bidLanes, paymentChannel } = app.ctx;

  app.get('/api/trading/auctions', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Auctions (upcoming, live, ended, sold, failed, …)',
      querystring: AuctionsQuery,
      response: { 200: AuctionPage },
    },
    handler: async (req) => auctions.listAuctions({ db, actor: req.actor, ...req.query }),
  });

  app.post('/api/trading/auctions', {
    config: { access: 'trade:initiate' },
    schema: {
      tags,
      summary: 'Announce an auction of an own published achievement',
      body: AuctionCreateBody,
      response: { 201: AuctionView },
    },
    handler: async (req, reply) => reply.status(201).send(await auctions.createAuction({ db, actor: req.actor, input: req.body })),
  });

  app.get('/api/trading/auctions/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One auction (the reserve price is never shown)', params: IdParams, response: { 200: AuctionView } },
    handler: async (req) => auctions.getAuction({ db, actor: req.actor, id: req.params.id }),
  });

  app.post('/api/trading/auctions/:id/cancel', {
    config: { access: 'trade:initiate' },
    schema: { tags, summary: 'The owner cancels before bidding opens', params: IdParams, body: ReasonBody, response: { 200: AuctionView } },
    handler: async (req) => auctions.cancelAuction({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }),
  });

  app.get('/api/trading/auctions/:id/live', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Live state and the newest bids (what the event stream sends first)',
      params: IdParams,
      response: { 200: AuctionSnapshot },
    },
    handler: async (req) => getAuctionSnapshot({ db, auctionId: req.params.id }),
  });

  app.get('/api/trading/auctions/:id/events', {
    config: { access: 'public', queued: false },
    schema: { tags, summary: 'Server-sent events: snapshot, then bid / extended / closed / heartbeat', params: IdParams },
    handler: async (req, reply) => streamAuctionEvents({ db, hub, auctionId: req.params.id, req, reply }),
  });

  app.get('/api/trading/auctions/:id/bids', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Bid history, newest first (bidders as 竞买人编号)',
      params: IdParams,
      querystring: BidsQuery,
      response: { 200: BidPage },
    },
    handler: async (req) => listBids({ db, auctionId: req.params.id, ...req.query }),
  });

  app.post('/api/trading/auctions/:id/bids', {
    config: { access: 'trade:participate' },
    schema: {
      tags,
      summary: 'Place a bid; a retry with the same Idempotency-Key gets the first answer',
      params: IdParams,
      headers: IdempotencyHeaders,
      body: BidBody,
      response: { 201: BidResult },
    },
    handler: async (req, reply) => {
      const result = await placeBid({
        db,
        bidLanes,
        actor: req.actor,
        auctionId: req.params.id,
        amountFen: req.body.amountFen,
        organizationId: req.body.organizationId,
        idempotencyKey: req.headers['idempotency-key'],
      });
      return reply.status(201).send(result);
    },
  });

  app.post('/api/trading/auctions/:id/registrations', {
    config: { access: 'trade:participate' },
    schema: {
      tags,
      summary: 'Register as a bidder (gets a 竞买人编号), accepting the 竞买须知 of AuctionView.bidderTerms',
      params: IdParams,
      body: RegistrationCreateBody,
      response: { 201: RegistrationView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await registrations.registerBidder({
          db,
          actor: req.actor,
          auctionId: req.params.id,
          qualification: req.body.qualification,
          organizationId: req.body.organizationId,
          acceptedTermsVersion: req.body.acceptedTermsVersion,
        }),
      ),
  });

  app.get('/api/trading/auctions/:id/registrations', {
    config: { access: 'trade:staff' },
    schema: {
      tags,
      summary: 'Every registration of an auction, with the bidders (staff)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(RegistrationView) }) },
    },
    handler: async (req) => ({ items: await registrations.listAuctionRegistrations({ db, actor: req.actor, auctionId: req.params.id }) }),
  });

  app.post('/api/trading/registrations/:id/qualification', {
    config: { access: 'trade:staff' },
    schema: { tags, summary: 'Qualify or reject a bidder', params: IdParams, body: QualificationBody, response: { 200: RegistrationView } },
    handler: async (req) =>
      registrations.decideRegistration({ db, actor: req.actor, id: req.params.id, decision: req.body.decision, reason: req.body.reason }),
  });

  app.post('/api/trading/registrations/:id/deposit', {
    config: { access: 'trade:staff' },
    schema: {
      tags,
      summary: 'Confirm a bidder’s deposit was received',
      params: IdParams,
      body: PaymentConfirmBody,
      response: { 200: RegistrationView },
    },
    handler: async (req) => registrations.confirmDeposit({ db, paymentChannel, actor: req.actor, id: req.params.id, ...req.body }),
  });

  app.post('/api/trading/registrations/:id/refund', {
    config: { access: 'trade:staff' },
    schema: {
      tags,
      summary: 'Confirm a deposit marked for refund was paid back',
      params: IdParams,
      body: RefundConfirmBody,
      response: { 200: RegistrationView },
    },
    handler: async (req) =>
      registrations.confirmRefund({ db, paymentChannel, actor: req.actor, id: req.params.id, reference: req.body.reference }),
  });

  app.post('/api/trading/registrations/:id/withdraw', {
    config: { access: 'trade:participate' },
    schema: { tags, summary: 'The bidder withdraws (only before it has bid)', params: IdParams, response: { 200: RegistrationView } },
    handler: async (req) => registrations.withdrawRegistration({ db, actor: req.actor, id: req.params.id }),
  });
}
