import http from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Database } from './db/client.ts';

/**
 * Prometheus metrics of this process. Counters and histograms are fed where the thing happens (HTTP,
 * database client, webhook dispatcher); gauges that need the database (job queue depth, outbox lag)
 * are read when Prometheus scrapes.
 */
export const processMetrics = new Registry();

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by matched route pattern, method and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: SECONDS,
  registers: [processMetrics],
});

const dbQueryDuration = new Histogram({
  name: 'db_query_duration_seconds',
  help: 'Database statements from asking to the answer (waiting for the connection included)',
  buckets: SECONDS,
  registers: [processMetrics],
});
const dbInFlight = new Gauge({
  name: 'db_queries_in_flight',
  help: 'Database statements asked and not yet answered',
  registers: [processMetrics],
});

/** One per webhook delivery attempt: `success` (2xx) or `failure` (anything else, or no answer). */
export const webhookDeliveryAttempts = new Counter({
  name: 'webhook_delivery_attempts_total',
  help: 'Webhook delivery attempts by outcome',
  labelNames: ['outcome'] as const,
  registers: [processMetrics],
});

/** Times a database statement for db_query_duration_seconds and db_queries_in_flight. */
export function timeQuery<T>(work: () => Promise<T>): Promise<T> {
  const end = dbQueryDuration.startTimer();
  dbInFlight.inc();
  return work().finally(() => {
    end();
    dbInFlight.dec();
  });
}

/** Observes every answered request under its route pattern (not the raw URL, so ids do not explode the series). */
export function observeRequests(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
}

/** The scrape: process metrics plus the ones read from this app's database at scrape time. */
export function metricsRegistry(database: Database) {
  const own = new Registry();
  new Gauge({
    name: 'job_queue_depth',
    help: 'pg-boss jobs waiting to run (created or retry) per queue',
    labelNames: ['queue'] as const,
    registers: [own],
    async collect() {
      this.reset();
      // pg-boss creates its schema on start; a process without workers may have none yet.
      const { rows } = await database
        .execute(
          `select name, count(*)::int as n from pgboss.job where state in ('created', 'retry') group by name`,
          [],
        )
        .catch(() => ({ rows: [] as Record<string, unknown>[] }));
      for (const r of rows) this.set({ queue: String(r.name) }, Number(r.n));
    },
  });
  new Gauge({
    name: 'outbox_lag_seconds',
    help: 'Age of the oldest domain event not yet relayed (0 when none waits)',
    registers: [own],
    async collect() {
      const { rows } = await database.execute(
        `select coalesce(extract(epoch from now() - min(occurred_at)), 0)::float8 as lag from outbox_events where processed_at is null`,
        [],
      );
      this.set(Number(rows[0]?.lag ?? 0));
    },
  });
  if (database.pool) {
    const pool = database.pool;
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections by state',
      labelNames: ['state'] as const,
      registers: [own],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
  return Registry.merge([processMetrics, own]);
}

/** GET /metrics on the API port: admins only, since the figures describe the business (queue depths, routes). */
export function metricsRoutes(app: FastifyInstance, registry: Registry) {
  app.get(
    '/metrics',
    { config: { access: ['admin'] }, schema: { hide: true }, logLevel: 'warn' },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
}

/**
 * The same figures on their own port (METRICS_PORT) without a login, for a Prometheus scraper: bind it
 * where only the monitoring network reaches it.
 */
export async function startMetricsServer(registry: Registry, port: number, host: string) {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
