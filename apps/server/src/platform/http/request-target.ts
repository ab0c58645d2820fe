import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Only origin-form request targets (`/path?query`): an absolute-form line (`GET http://host/api/x`) is
 * meant for proxies, and a server that routes it anyway gives the URL a second spelling to reason about.
 */
export function refuseAbsoluteForm(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!request.raw.url?.startsWith('/'))
      throw new AppError(400, 'bad_request_target', 'Het verzoek moet een pad zijn dat met / begint');
  });
}
