import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/client.ts';
import type { Backups } from './platform/backup.ts';
import { authPlugin, type RouteAccess } from './platform/auth/auth.plugin.ts';
import { refuseAbsoluteForm } from './platform/http/request-target.ts';
import { compressAnswers } from './platform/http/compress-answers.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { sessionResponse } from './platform/auth/session-response.ts';
import { createMailDrop } from './platform/mail-drop.ts';
import { createLiveMailDelivery } from './platform/messaging/live-mail.ts';
import { answerClientError, answerFrameworkError, registerProblemHandlers } from './platform/http/problem.ts';
import { refuseDeepJson } from './platform/http/json-body.ts';
import { createDiskFullSignal } from './platform/http/disk-full.ts';
import { healthRoutes } from './platform/http/health.ts';
import { serveWebApp } from './platform/http/web-app.ts';
import { startRealtime } from './platform/events/realtime.ts';
import { createQuotesService, quotesRoutes, signingRoutes } from './modules/quotes/index.ts';
import { catalogRoutes, createCatalogService } from './modules/catalog/index.ts';
import { billingRoutes, createBillingService } from './modules/billing/index.ts';
import { SYSTEM_ACTOR } from './platform/http/actor.ts';
import { customerByEmail } from './read-models/customer-by-email.ts';
import { createOrdersService, ordersRoutes } from './modules/orders/index.ts';
import { createPlanningMemory, createPlanningService, planningRoutes } from './modules/planning/index.ts';
import {
  createOpenMeteoWeather,
  createOptimiserService,
  createOsrmTravel,
  haversineTravel,
  noWeather,
  optimiserRoutes,
} from './modules/planning/index.ts';
import {
  createInventoryService,
  httpWarrantyRegistrar,
  inventoryRoutes,
  plannedMaterialCheck,
} from './modules/inventory/index.ts';
import { createMobileService, mobileRoutes } from './modules/mobile/index.ts';
import { todayInAmsterdam } from './platform/calendar.ts';
import { createCrmService, crmRoutes } from './modules/crm/index.ts';
import { entitiesRoutes } from './modules/entities/index.ts';
import { analyticsRoutes } from './modules/analytics/index.ts';
import {
  communicationsRoutes,
  createCommunicationsService,
  messageTemplatesRoutes,
  notificationsRoutes,
  inboundRepliesRoutes,
  satisfactionRoutes,
  notificationBellRoutes,
  createNotificationBell,
} from './modules/notifications/index.ts';
import { adminRoutes } from './modules/admin/index.ts';
import { attachLeadCustomer } from './modules/crm/index.ts';
import { createLeadsService, leadsRoutes, partnerLeadApiRoutes, toE164 } from './modules/leads/index.ts';
import { createPartnersService, partnersRoutes } from './modules/partners/index.ts';
import {
  createIntegrationsService,
  createPdokAddressValidator,
  integrationsRoutes,
  webhookDocs,
} from './modules/integrations/index.ts';
import { idempotencyPlugin } from './platform/http/idempotency.ts';
import { createRateLimiter } from './platform/http/rate-limit.ts';
import type { ModuleWorkers } from './platform/events/subscribers.ts';
import { metricsRegistry, metricsRoutes, observeRequests } from './platform/metrics.ts';
import type { Registry } from 'prom-client';
import { scopeNames } from './read-models/scope-names.ts';

export type AppDeps = {
  config: Config;
  database: Database;
  backups?: Backups | null;
  webDist?: string | undefined;
  logger?: boolean | object;
};

export type RouteRecord = { method: string; url: string; access: RouteAccess | undefined };

export type BuiltApp = {
  app: FastifyInstance;
  shutdown: () => void;
  realtime: { connections(): number };
  routeTable: RouteRecord[];
  /** Event subscribers, schedules and loops of the modules; the server runs them when it runs workers. */
  workers: ModuleWorkers;
  services: {
    leads: ReturnType<typeof createLeadsService>;
    integrations: ReturnType<typeof createIntegrationsService>;
    communications: ReturnType<typeof createCommunicationsService>;
    optimiser: ReturnType<typeof createOptimiserService>;
  };
  /** The daily housekeeping of quotes and invoices (expiry, reminders, overdue, payment reminders), run by the job scheduler. */
  dailyJobs: () => Promise<Record<string, number>>;
  /** What GET /metrics answers; the server also serves it on METRICS_PORT when set. */
  metrics: Registry;
};

export const BODY_LIMIT_BYTES = 1_048_576;

/** Builds the whole HTTP app on a given database (fastify/demo): used by main and by every test. */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  let shuttingDown = false;
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.LOG_LEVEL },
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep a caller's request id when it looks like one, so logs join across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // X-Forwarded-For only from the configured proxies: otherwise every per-address limit is one header away.
    trustProxy: deps.config.TRUST_PROXY.length ? deps.config.TRUST_PROXY : false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Errors before a route is found, and requests Node's parser refuses, are problem+json too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  // Every route, with what it declared, so a test can prove none is left undeclared.
  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, access: (route.config as { access?: RouteAccess } | undefined)?.access });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // An answer finished while the server stops ends its connection: a client's idle keep-alive
    // socket would otherwise hold the stop until the keep-alive timeout (72 s).
    if (shuttingDown) reply.header('connection', 'close');
  });
  observeRequests(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const diskFull = createDiskFullSignal();
  registerProblemHandlers(app, diskFull);
  refuseAbsoluteForm(app);
  refuseDeepJson(app);
  securityHeaders(app, { publicUrl: deps.config.PUBLIC_URL });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ChargeCars Platform API',
        version: '1.0.0',
        description: 'API van het ChargeCars-platform. Fouten volgen RFC 9457 (application/problem+json).',
      },
      servers: [{ url: deps.config.PUBLIC_URL }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'ccak_…',
            description: 'Partner API key from the partner portal; scopes per key.',
          },
        },
      },
      // What partners' endpoints receive, from the contract's event schemas.
      webhooks: webhookDocs(),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  const db = deps.database.db;
  const partners = createPartnersService({ db });
  const rateLimit = createRateLimiter(db);
  const sessionPolicy = { idleMinutes: deps.config.SESSION_IDLE_MINUTES, maxHours: deps.config.SESSION_MAX_HOURS };
  await app.register(authPlugin, {
    db,
    rateLimit,
    policy: sessionPolicy,
    resolveApiKey: partners.resolveApiKey,
    apiRateLimitPerMinute: deps.config.API_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(idempotencyPlugin, { db });
  // After the idempotency hook, which keeps the answer as JSON for a replay: compression is the last step.
  compressAnswers(app);

  // The planning board's memory, one per instance, current at every read (docs/planning-board.md).
  const planningMemory = createPlanningMemory(db, {
    onError: (err) => app.log.error({ err }, 'planning memory could not catch up'),
  });
  app.addHook('onClose', async () => planningMemory.close());
  const planning = createPlanningService({ db, memory: planningMemory });
  const orders = createOrdersService({ db, attachCustomer: attachLeadCustomer, toE164 });
  // The last signature creates the order in its own transaction (docs/ARCHITECTURE.md).
  const quotes = createQuotesService({
    db,
    publicUrl: deps.config.PUBLIC_URL,
    // The order and then its visits (planning owns visits and comes after orders), in the signing transaction.
    createOrder: async (tx, doc) => {
      const order = await orders.createFromSignedQuote(tx, doc);
      await planning.createOrderVisits(tx, SYSTEM_ACTOR, order.id);
      return order;
    },
  });
  const travel = deps.config.OSRM_URL ? createOsrmTravel(deps.config.OSRM_URL) : haversineTravel();
  const optimiser = createOptimiserService({
    db,
    travel,
    weather: deps.config.OPEN_METEO_URL ? createOpenMeteoWeather(deps.config.OPEN_METEO_URL) : noWeather,
    // A visit whose materials are not in the warehouse (or expected) by a day is not proposed on it.
    materials: plannedMaterialCheck,
    timeLimitMs: deps.config.PLANNING_OPTIMISE_SECONDS * 1000,
    today: () => todayInAmsterdam(),
  });
  const catalog = createCatalogService({ db });
  const billing = createBillingService({ db });
  const inventory = createInventoryService({
    db,
    warrantyRegistrar: deps.config.WARRANTY_REGISTRATION_URL
      ? httpWarrantyRegistrar({ url: deps.config.WARRANTY_REGISTRATION_URL })
      : null,
  });
  const integrations = createIntegrationsService({
    db,
    allowedPrivateHosts: deps.config.WEBHOOK_ALLOWED_PRIVATE_HOSTS,
  });
  const leads = createLeadsService({
    db,
    driver: deps.database.driver,
    publicUrl: deps.config.PUBLIC_URL,
    slaHours: deps.config.LEAD_SLA_HOURS,
    reminderDays: deps.config.INTAKE_REMINDER_DAYS,
    addressValidator: deps.config.PDOK_LOCATIESERVER_URL
      ? createPdokAddressValidator(deps.config.PDOK_LOCATIESERVER_URL)
      : null,
  });
  const crm = createCrmService({ db });
  const communications = createCommunicationsService({ db, config: deps.config, travel });
  app.addHook('onClose', async () => communications.close());

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  healthRoutes(app, { database: deps.database, isShuttingDown: () => shuttingDown, diskFull });
  const realtime = await startRealtime(app, deps.database, {
    publicUrl: deps.config.PUBLIC_URL,
    policy: sessionPolicy,
  });
  app.addHook('onClose', async () => realtime.close());
  authRoutes(app, {
    database: deps.database,
    config: deps.config,
    // With SMTP configured, login links go out by mail; offline they go to the local drop as before.
    mailDrop: deps.config.SMTP_HOST
      ? createLiveMailDelivery(db, communications.channels.email)
      : createMailDrop(deps.config.MAIL_DROP_DIR),
    rateLimit,
    onSessionEnded: realtime.sessionEnded,
    scopeNames: (user) => scopeNames(db, user),
    findCustomer: (email) => customerByEmail(db, email),
  });
  crmRoutes(app, crm);
  ordersRoutes(app, orders);
  quotesRoutes(app, quotes);
  signingRoutes(app, quotes);
  catalogRoutes(app, catalog);
  billingRoutes(app, billing);
  planningRoutes(app, planning);
  optimiserRoutes(app, optimiser);
  inventoryRoutes(app, inventory);
  mobileRoutes(app, createMobileService({ db, publicUrl: deps.config.PUBLIC_URL }));
  entitiesRoutes(app, { db });
  analyticsRoutes(app, { db, today: () => todayInAmsterdam() });
  notificationsRoutes(app, { db });
  notificationBellRoutes(app, createNotificationBell(db));
  communicationsRoutes(app, communications);
  messageTemplatesRoutes(app, communications);
  inboundRepliesRoutes(app, communications);
  satisfactionRoutes(app, communications);
  adminRoutes(app, { backups: deps.backups ?? null });
  const metrics = metricsRegistry(deps.database);
  metricsRoutes(app, metrics);
  leadsRoutes(app, leads, { webForm: (ip) => rateLimit(`ip:${ip}`, deps.config.WEB_FORM_RATE_LIMIT_PER_MINUTE) });
  partnerLeadApiRoutes(app, leads);
  partnersRoutes(app, partners);
  integrationsRoutes(app, integrations, partners);
  const moduleWorkers = [
    planning.workers(),
    integrations.workers(),
    leads.workers(),
    billing.workers(),
    inventory.workers(),
    communications.workers(),
    optimiser.workers(),
  ];
  const workers: ModuleWorkers = {
    subscribers: moduleWorkers.flatMap((w) => w.subscribers),
    schedules: moduleWorkers.flatMap((w) => w.schedules),
    loops: moduleWorkers.flatMap((w) => w.loops),
  };
  if (deps.webDist)
    await serveWebApp(app, deps.webDist, async (request) =>
      // The page route is public: the auth plugin has resolved the cookie, and set a user only for a valid session.
      request.sessionId && request.user && request.csrfToken
        ? sessionResponse(request.user, request.csrfToken, (user) => scopeNames(db, user))
        : null,
    );

  const dailyJobs = async () => ({
    ...(await quotes.expireAndRemind()),
    ...(await billing.detectOverdue()),
    ...(await communications.sendPaymentReminders()),
  });
  // Not the instance itself: Fastify instances are thenables, and an async function would await it.
  return {
    app,
    shutdown: () => {
      shuttingDown = true;
    },
    realtime,
    routeTable: routes,
    dailyJobs,
    workers,
    services: { leads, integrations, communications, optimiser },
    metrics,
  };
}
