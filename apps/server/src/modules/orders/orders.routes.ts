import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangeOrderStageBody,
  IdParams,
  NewPartnerOrder,
  OrderDetail,
  OrderListQuery,
  OrderPage,
  OrderStageChanged,
  OrderTimeline,
  PartnerOrderCreated,
  PartnerParams,
  Problem,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { requestLanguage } from '../../platform/errors.ts';
import type { OrdersService } from './index.ts';

export function ordersRoutes(app: FastifyInstance, orders: OrdersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const access = ['admin', 'operations', 'planner', 'partner', 'customer'] as const;
  r.get(
    '/api/orders',
    {
      config: { access },
      schema: { tags, summary: 'Orders the caller may see', querystring: OrderListQuery, response: { 200: OrderPage } },
    },
    (request) => orders.list(actorOf(request), request.query),
  );
  r.get(
    '/api/orders/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One order with lines, milestones and visits',
        params: IdParams,
        response: { 200: OrderDetail, 404: Problem },
      },
    },
    (request) => orders.get(actorOf(request), request.params.id),
  );
  r.get(
    '/api/orders/:id/timeline',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The order timeline: creation and every stage change',
        params: IdParams,
        response: { 200: OrderTimeline, 404: Problem },
      },
    },
    (request) =>
      orders.timeline(actorOf(request), request.params.id, requestLanguage(request.headers['accept-language'])),
  );
  r.post(
    '/api/orders/:id/stage',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: {
        tags,
        summary: 'Move the order to another stage (a reason for on hold and cancelled)',
        params: IdParams,
        body: ChangeOrderStageBody,
        response: { 200: OrderStageChanged, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    (request) => orders.changeStage(actorOf(request), { orderId: request.params.id, ...request.body }),
  );
  // The Partner API's order intake lives with the orders it creates (orders come after partners in the module order).
  r.post(
    '/api/partners/:id/orders',
    {
      bodyLimit: 64 * 1024,
      config: { access: { apiKey: 'orders:write', roles: ['admin', 'operations', 'partner'] } },
      schema: {
        tags: ['partners', 'Partner API v1'],
        security: [{ apiKey: [] }, { session: [] }],
        summary: 'Place a B2B order on behalf of a customer',
        params: PartnerParams,
        body: NewPartnerOrder,
        response: {
          201: PartnerOrderCreated,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          422: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orders.placeForPartner(actorOf(request), request.params.id, request.body)),
  );
}
