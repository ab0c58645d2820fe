import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import type { DiskFullSignal } from './disk-full.ts';

/** /healthz: the process answers. /readyz: it can reach its database, its disk is not full and it is not shutting down. */
export function healthRoutes(
  app: FastifyInstance,
  deps: { database: Database; isShuttingDown: () => boolean; diskFull: DiskFullSignal },
) {
  app.get('/healthz', { config: { access: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    if (deps.isShuttingDown())
      return reply
        .status(503)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'shutting down' });
    if (deps.diskFull.active())
      return reply
        .status(503)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'disk full' });
    await deps.database.execute('select 1', []);
    return { status: 'ready', driver: deps.database.driver };
  });
}
