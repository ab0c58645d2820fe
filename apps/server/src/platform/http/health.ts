import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';

/** /healthz: the process answers. /readyz: it can reach its database and is not shutting down. */
export function healthRoutes(app: FastifyInstance, deps: { database: Database; isShuttingDown: () => boolean }) {
  app.get('/healthz', { config: { access: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    if (deps.isShuttingDown()) return reply.status(503).type('application/problem+json').send({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'shutting down' });
    await deps.database.execute('select 1', []);
    return { status: 'ready', driver: deps.database.driver };
  });
}
