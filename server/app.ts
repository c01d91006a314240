/**
 * Builds the Fastify app. Per-app state lives here, never in module globals, so two apps in one
 * process (test files share a worker: `isolate: false`) stay apart: buildApp makes one AppContext
 * (server/lib/http/context.ts) — the clock, search settings and kept counts, the bid lanes, the
 * payment channel — and decorates the app with it as `app.ctx`. Routes hand a service the parts it
 * needs in its options object (`searchAchievements({ db, search, … })`), jobs get the context as
 * their JobContext. The clock alone is not passed by hand (every module reads it): each request and
 * job runs inside `runWithClock(app.ctx.clock)`, and `clock.now()` answers with that app's time.
 * What is left at module level is immutable or a cache of a database's content keyed by its Db.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createClock, runWithClock, type Clock } from './lib/clock.js';
import { AppError } from './lib/errors.js';
import { createMailer, type Mailer } from './lib/mailer.js';
import { newId } from './lib/ids.js';
import './lib/http/types.js';
import { clientErrorHandler, registerHardening } from './lib/http/hardening.js';
import { registerProblemHandlers } from './lib/http/problems.js';
import { registerAdmission } from './lib/http/admission.js';
import { adminRoutes } from './modules/admin/routes.js';
import { auditCheckpointJob } from './modules/audit/jobs.js';
import { auditRoutes } from './modules/audit/routes.js';
import { curatedRoutes } from './modules/catalog/curated-routes.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { catalogXlsxRoutes } from './modules/catalog/xlsx-routes.js';
import { matchingRoutes } from './modules/matching/routes.js';
import { registerAuthentication } from './modules/identity/hook.js';
import { identityRoutes } from './modules/identity/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { suggestRoutes } from './modules/suggest/routes.js';
import { createMetrics } from './modules/system/metrics.js';
import { pruneJob } from './modules/system/jobs.js';
import { checkSavedSearchesJob, dailyDigestJob, deliverNotificationsJob } from './modules/alerts/jobs.js';
import { alertRoutes } from './modules/alerts/routes.js';
import { systemRoutes } from './modules/system/routes.js';
import { contractsJobs } from './modules/contracts/jobs.js';
import { contractsRoutes } from './modules/contracts/routes.js';
import { verifyRoutes } from './modules/contracts/verify-routes.js';
import { inquiryRoutes } from './modules/inquiries/routes.js';
import { favouriteRoutes } from './modules/favourites/routes.js';
import { attachmentRoutes } from './modules/attachments/routes.js';
import { integrityRoutes } from './modules/integrity/routes.js';
import { reportsJobs } from './modules/reports/jobs.js';
import { reportsRoutes } from './modules/reports/routes.js';
import { eventRoutes } from './modules/events/routes.js';
import { policyRoutes } from './modules/policies/routes.js';
import { serviceRoutes } from './modules/services/routes.js';
import { brokerRoutes } from './modules/brokers/routes.js';
import { brokerXlsxRoutes } from './modules/brokers/xlsx-routes.js';
import { institutionRoutes } from './modules/institutions/routes.js';
import { expertRoutes } from './modules/experts/routes.js';
import { expertXlsxRoutes } from './modules/experts/xlsx-routes.js';
import { challengeRoutes } from './modules/challenges/routes.js';
import { disclosureJobs } from './modules/disclosures/jobs.js';
import { disclosureRoutes } from './modules/disclosures/routes.js';
import { distributionRoutes } from './modules/distributions/routes.js';
import { statisticsJobs } from './modules/statistics/jobs.js';
import { statisticsRoutes } from './modules/statistics/routes.js';
import { tradingJobs } from './modules/trading/jobs.js';
import { createSearchState, type SearchState } from './modules/search/service.js';
import { BidLanes } from './modules/trading/bid-lane.js';
import { manualPaymentChannel, type PaymentChannel } from './modules/trading/payment.js';
import { retrainTextModelJob } from './modules/matching/jobs.js';
import { retrainFieldModelJob } from './modules/suggest/jobs.js';
import { announceRecordMatchesJob } from './modules/alerts/record-matches.js';
import { tradingRoutes } from './modules/trading/routes.js';
import { financeRoutes } from './modules/finance/routes.js';
import { subsidyRoutes } from './modules/subsidies/routes.js';
import { exportControlRoutes } from './modules/export-control/routes.js';
import { webhooksJob } from './modules/feeds/jobs.js';
import { webhooksDocument } from './modules/feeds/openapi.js';
import { feedRoutes } from './modules/feeds/routes.js';
import { newsRoutes } from './modules/news/routes.js';
import { portalRoutes } from './modules/portal/routes.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A build output under web/dist/assets/ (Vite names them `<name>-<hash>.<ext>`). */
const isHashedAsset = (root: string, file: string) => path.relative(root, file).split(path.sep)[0] === 'assets';

/** Every module's routes, in one list: the authorisation matrix test walks what they register. */
const MODULE_ROUTES = [
  identityRoutes,
  organizationRoutes,
  adminRoutes,
  auditRoutes,
  catalogRoutes,
  catalogXlsxRoutes,
  curatedRoutes,
  matchingRoutes,
  searchRoutes,
  suggestRoutes,
  alertRoutes,
  tradingRoutes,
  contractsRoutes,
  verifyRoutes,
  inquiryRoutes,
  favouriteRoutes,
  attachmentRoutes,
  brokerRoutes,
  brokerXlsxRoutes,
  institutionRoutes,
  expertRoutes,
  expertXlsxRoutes,
  statisticsRoutes,
  reportsRoutes,
  integrityRoutes,
  eventRoutes,
  serviceRoutes,
  policyRoutes,
  challengeRoutes,
  disclosureRoutes,
  distributionRoutes,
  financeRoutes,
  subsidyRoutes,
  exportControlRoutes,
  feedRoutes,
  newsRoutes,
  portalRoutes,
];
/** Every module's recurring jobs (run by server/main.ts through the database-coordinated scheduler). */
export const SCHEDULED_JOBS = [
  pruneJob,
  auditCheckpointJob,
  checkSavedSearchesJob,
  dailyDigestJob,
  deliverNotificationsJob,
  ...tradingJobs,
  ...contractsJobs,
  ...statisticsJobs,
  ...reportsJobs,
  retrainTextModelJob,
  retrainFieldModelJob,
  announceRecordMatchesJob,
  ...disclosureJobs,
  webhooksJob,
];

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** Outgoing mail; by default SMTP when configured, else none. Tests pass a memory mailer. */
  mailer?: Mailer;
  /** A pino logger config, or false for none (tests). */
  logger?: boolean | object;
  /** Called for every registered route after its access rule is settled (the authorisation matrix test lists routes with it). */
  onRoute?: (route: RouteOptions) => void;
  /** The app's clock; by default a clock of its own at the real time. */
  clock?: Clock;
  /** Search settings and kept counts; by default the production settings. */
  search?: SearchState;
  /** How payments are verified; by default manual (staff enter what the bank statement shows). */
  paymentChannel?: PaymentChannel;
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === undefined
        ? {
            level: opts.config.logLevel,
            // Never log credentials.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          }
        : opts.logger,
    trustProxy: opts.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    clientErrorHandler,
  });
  const clock = opts.clock ?? createClock();
  app.decorate('ctx', {
    config: opts.config,
    database: opts.database,
    db: opts.database.db,
    mailer: opts.mailer ?? createMailer(opts.config),
    clock,
    search: opts.search ?? createSearchState({ clock }),
    bidLanes: new BidLanes(),
    paymentChannel: opts.paymentChannel ?? manualPaymentChannel,
  });
  // Every request runs on the app's clock: entered first, and again once the body is read (the
  // body's stream events come from outside the request's async context).
  const onAppClock = (_req: unknown, _reply: unknown, done: () => void) => runWithClock(clock, done);
  app.addHook('onRequest', onAppClock);
  app.addHook('preValidation', onAppClock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerHardening(app, { allowedOrigins: [new URL(opts.config.publicUrl).origin] });

  const metrics = createMetrics();
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  await app.register(fastifyCookie);
  registerAuthentication(app);
  if (opts.config.requestQueue.enabled) {
    const requests = registerAdmission(app, opts.config.requestQueue);
    metrics.observeQueues({ requests, statements: opts.database.statements });
  }
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jinqiao 津桥 API',
        version: '0.1.0',
        description: 'Technology-transfer platform API. Errors are RFC 9457 problem+json.',
      },
      // Outbound webhooks a subscriber receives (feeds module).
      webhooks: webhooksDocument(),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jq_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (jq_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(systemRoutes(metrics));
  for (const routes of MODULE_ROUTES) await app.register(routes);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webDist = path.resolve(opts.config.webDist);
  if (existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each file (web/build/precompress.ts); sent when the client accepts them.
      preCompressed: true,
      setHeaders: (reply, file) => {
        // Files under assets/ carry a content hash in their name: they never change, so keep them a year.
        // Everything else (index.html) is revalidated, so a new build is picked up at once.
        reply.header('cache-control', isHashedAsset(webDist, file) ? IMMUTABLE : 'no-cache');
      },
    });
    // The portal is a single-page app: unknown non-API paths get index.html.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      // A missing API path or build asset is a 404, never the portal page (a stale tab would load HTML as script).
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/'))
        throw new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
