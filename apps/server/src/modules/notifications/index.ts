import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { StoredEmailPage } from '@chargecars/contract';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { listStoredEmails } from '../../platform/mail.ts';

/** The email outbox as ops see it: with the offline mail adapter, this is where mail goes. */
export function notificationsRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/outbox/emails',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags: ['notifications'],
        summary: 'Stored outgoing emails',
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: StoredEmailPage },
      },
    },
    (request) => listStoredEmails(deps.db, request.query.page, request.query.pageSize),
  );
}
