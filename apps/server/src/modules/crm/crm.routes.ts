import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CustomerDetail,
  CustomerListQuery,
  CustomerPage,
  IdParams,
  NewNote,
  Note,
  Problem,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { requestLanguage } from '../../platform/errors.ts';
import type { CrmService } from './index.ts';

const STAFF = ['admin', 'operations', 'planner'] as const;

export function crmRoutes(app: FastifyInstance, crm: CrmService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];
  r.get(
    '/api/customers',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Search all customers',
        querystring: CustomerListQuery,
        response: { 200: CustomerPage },
      },
    },
    (request) => crm.list(request.query),
  );
  r.get(
    '/api/customers/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'One customer across all entities',
        params: IdParams,
        response: { 200: CustomerDetail, 404: Problem },
      },
    },
    (request) => crm.detail(request.params.id, requestLanguage(request.headers['accept-language'])),
  );
  r.post(
    '/api/customers/:id/notes',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: {
        tags,
        summary: 'Add a note to a customer',
        params: IdParams,
        body: NewNote,
        response: { 201: Note, 404: Problem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await crm.addNote(actorOf(request), { customerId: request.params.id, body: request.body.body })),
  );
}
