import { z } from 'zod';
import {
  CounterpartiesQuery,
  CounterpartyPage,
  DealPage,
  DealsQuery,
  DealView,
  HallView,
  IntentCreateBody,
  IntentView,
  ListingCreateBody,
  ListingPage,
  ListingRenewBody,
  ListingsQuery,
  ListingView,
  MyTradingView,
  NoticeCreateBody,
  NoticePage,
  NoticesQuery,
  NoticeView,
  ObjectionAnswerBody,
  ObjectionCreateBody,
  ObjectionPage,
  ObjectionResolutionBody,
  ObjectionsQuery,
  ObjectionView,
  PaymentConfirmBody,
  QualificationBody,
  ReasonBody,
  StaffDeskView,
  TradingParametersView,
} from '../../../common/api/trading.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { closeAuction } from './closing.js';
import * as deals from './deals.js';
import { renderDealDossier } from './dossier.js';
import { AuctionEventHub } from './events.js';
import * as listings from './listings.js';
import * as notices from './notices.js';
import * as objections from './objections.js';
import { presentParameters } from './parameters.js';
import { auctionRoutes } from './routes-auctions.js';
import * as workspace from './workspace.js';

const IdParams = z.object({ id: z.uuid('must be an id') });
const tags = ['trading'];

/** Trading (C4). The full route list with access rules is in common/api/trading.ts. */
export const tradingRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, paymentChannel } = app.ctx;
  // One listening connection per process, shared by every SSE client; a watched auction is closed at its end.
  const hub = new AuctionEventHub(app.ctx.database, app.log, app.ctx.bidLanes, async (auctionId) => {
    await closeAuction({ db, auctionId });
  });
  // preClose, not onClose: the HTTP server's close waits for open responses, and event streams stay open until ended.
  app.addHook('preClose', async () => hub.close());

  app.get('/api/trading/parameters', {
    config: { access: 'public' },
    schema: { tags, summary: 'Trading rule parameters with their sources', response: { 200: TradingParametersView } },
    handler: async () => presentParameters(),
  });

  app.get('/api/trading/hall', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '交易大厅: open listings, live and upcoming auctions, notices under way, recent deals',
      response: { 200: HallView },
    },
    handler: async (req) => workspace.getHall({ db, actor: req.actor }),
  });

  // Listings (挂牌) and intents.
  app.get('/api/trading/listings', {
    config: { access: 'public' },
    schema: { tags, summary: 'Listings', querystring: ListingsQuery, response: { 200: ListingPage } },
    handler: async (req) => listings.listListings({ db, actor: req.actor, ...req.query }),
  });
  app.post('/api/trading/listings', {
    config: { access: 'trade:initiate' },
    schema: { tags, summary: 'List an own published achievement', body: ListingCreateBody, response: { 201: ListingView } },
    handler: async (req, reply) => reply.status(201).send(await listings.createListing({ db, actor: req.actor, input: req.body })),
  });
  app.get('/api/trading/listings/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One listing', params: IdParams, response: { 200: ListingView } },
    handler: async (req) => listings.getListing({ db, actor: req.actor, id: req.params.id }),
  });
  app.post('/api/trading/listings/:id/withdraw', {
    config: { access: 'trade:initiate' },
    schema: { tags, summary: 'The owner withdraws an open listing', params: IdParams, body: ReasonBody, response: { 200: ListingView } },
    handler: async (req) => listings.withdrawListing({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }),
  });
  app.post('/api/trading/listings/:id/renew', {
    config: { access: 'trade:initiate' },
    schema: {
      tags,
      summary: 'The owner renews a lapsed listing',
      params: IdParams,
      body: ListingRenewBody,
      response: { 200: ListingView },
    },
    handler: async (req) => listings.renewListing({ db, actor: req.actor, id: req.params.id, listingDays: req.body.listingDays }),
  });
  app.post('/api/trading/listings/:id/intents', {
    config: { access: 'trade:participate' },
    schema: {
      tags,
      summary: 'Register purchase intent with an offer ≥ the base price',
      params: IdParams,
      body: IntentCreateBody,
      response: { 201: IntentView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await listings.registerIntent({ db, actor: req.actor, listingId: req.params.id, ...req.body })),
  });
  app.post('/api/trading/intents/:id/qualification', {
    config: { access: 'trade:staff' },
    schema: { tags, summary: 'Qualify or reject an intent', params: IdParams, body: QualificationBody, response: { 200: IntentView } },
    handler: async (req) =>
      listings.transitionIntent({
        db,
        actor: req.actor,
        id: req.params.id,
        action: req.body.decision === 'qualified' ? 'qualify' : 'reject',
        reason: req.body.reason,
      }),
  });
  app.post('/api/trading/intents/:id/withdraw', {
    config: { access: 'trade:participate' },
    schema: { tags, summary: 'The buyer withdraws its intent', params: IdParams, response: { 200: IntentView } },
    handler: async (req) => listings.transitionIntent({ db, actor: req.actor, id: req.params.id, action: 'withdraw' }),
  });

  auctionRoutes(instance, hub);

  // Agreement notices (协议定价公示) and objections.
  app.get('/api/trading/notices', {
    config: { access: 'public' },
    schema: { tags, summary: 'Agreement notices', querystring: NoticesQuery, response: { 200: NoticePage } },
    handler: async (req) => notices.listNotices({ db, actor: req.actor, ...req.query }),
  });
  app.post('/api/trading/notices', {
    config: { access: 'trade:initiate' },
    schema: { tags, summary: 'Post an agreed price for public notice', body: NoticeCreateBody, response: { 201: NoticeView } },
    handler: async (req, reply) => reply.status(201).send(await notices.createNotice({ db, actor: req.actor, input: req.body })),
  });
  app.get('/api/trading/notices/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One notice with its objections', params: IdParams, response: { 200: NoticeView } },
    handler: async (req) => notices.getNotice({ db, actor: req.actor, id: req.params.id }),
  });
  app.post('/api/trading/notices/:id/withdraw', {
    config: { access: 'trade:initiate' },
    schema: { tags, summary: 'The owner withdraws a notice under way', params: IdParams, body: ReasonBody, response: { 200: NoticeView } },
    handler: async (req) => notices.withdrawNotice({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }),
  });
  app.post('/api/trading/notices/:id/objections', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'File an objection (异议) with grounds',
      params: IdParams,
      body: ObjectionCreateBody,
      response: { 201: ObjectionView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await objections.fileObjection({ db, actor: req.actor, noticeId: req.params.id, grounds: req.body.grounds })),
  });
  app.get('/api/trading/objections', {
    config: { access: 'trade:oversee' },
    schema: { tags, summary: 'Objections in the official’s region', querystring: ObjectionsQuery, response: { 200: ObjectionPage } },
    handler: async (req) => objections.listObjectionsForOfficial({ db, actor: req.actor, ...req.query }),
  });
  app.post('/api/trading/objections/:id/answer', {
    config: { access: 'trade:initiate' },
    schema: {
      tags,
      summary: 'The notice’s owner answers an objection',
      params: IdParams,
      body: ObjectionAnswerBody,
      response: { 200: ObjectionView },
    },
    handler: async (req) => objections.answerObjection({ db, actor: req.actor, id: req.params.id, answer: req.body.answer }),
  });
  app.post('/api/trading/objections/:id/resolution', {
    config: { access: 'trade:oversee' },
    schema: {
      tags,
      summary: 'An official upholds or dismisses an objection',
      params: IdParams,
      body: ObjectionResolutionBody,
      response: { 200: ObjectionView },
    },
    handler: async (req) => objections.resolveObjection({ db, actor: req.actor, id: req.params.id, ...req.body }),
  });

  // Deals.
  app.get('/api/trading/deals', {
    config: { access: 'public' },
    schema: { tags, summary: 'Recent deals', querystring: DealsQuery, response: { 200: DealPage } },
    handler: async (req) => deals.listDeals({ db, actor: req.actor, ...req.query }),
  });
  app.get('/api/trading/deals/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One deal', params: IdParams, response: { 200: DealView } },
    handler: async (req) => deals.getDeal({ db, actor: req.actor, id: req.params.id }),
  });
  app.post('/api/trading/deals/:id/payment', {
    config: { access: 'trade:staff' },
    schema: {
      tags,
      summary: 'Confirm the buyer’s payment (the deal completes)',
      params: IdParams,
      body: PaymentConfirmBody,
      response: { 200: DealView },
    },
    handler: async (req) => deals.confirmDealPayment({ db, paymentChannel, actor: req.actor, id: req.params.id, ...req.body }),
  });
  app.post('/api/trading/deals/:id/withdraw', {
    config: { access: 'trade:participate' },
    schema: {
      tags,
      summary: 'The buyer backs out (an auction winner forfeits the deposit)',
      params: IdParams,
      body: ReasonBody,
      response: { 200: DealView },
    },
    handler: async (req) => deals.withdrawFromDeal({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }),
  });
  app.get('/api/trading/deals/:id/dossier.pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The pricing-decision dossier as PDF', params: IdParams },
    handler: async (req, reply) => {
      const { filename, pdf } = await renderDealDossier({ db, actor: req.actor, dealId: req.params.id });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
    },
  });

  // Workspace and desks.
  app.get('/api/trading/mine', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My trading: what my organisations sell and buy, and what waits for me', response: { 200: MyTradingView } },
    handler: async (req) => workspace.getMyTrading({ db, actor: req.actor }),
  });
  app.get('/api/trading/staff/desk', {
    config: { access: 'trade:staff' },
    schema: { tags, summary: 'Staff desk: intents and bidders to qualify, deposits, refunds, payments', response: { 200: StaffDeskView } },
    handler: async (req) => workspace.getStaffDesk({ db, actor: req.actor }),
  });
  app.get('/api/trading/counterparties', {
    config: { access: 'trade:initiate' },
    schema: {
      tags,
      summary: 'Active organisations by name or credit code',
      querystring: CounterpartiesQuery,
      response: { 200: CounterpartyPage },
    },
    handler: async (req) => workspace.findCounterparties({ db, actor: req.actor, q: req.query.q }),
  });
};
