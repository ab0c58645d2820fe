import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, OrderDetail, OrderListQuery, OrderPage, Problem } from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { OrdersService } from './index.ts';

export function ordersRoutes(app: FastifyInstance, orders: OrdersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const access = ['admin', 'operations', 'planner', 'partner', 'customer'] as const;
  r.get('/api/orders', { config: { access }, schema: { tags, summary: 'Orders the caller may see', querystring: OrderListQuery, response: { 200: OrderPage } } }, (request) =>
    orders.list(actorOf(request), request.query),
  );
  r.get('/api/orders/:id', { config: { access }, schema: { tags, summary: 'One order with lines, milestones and visits', params: IdParams, response: { 200: OrderDetail, 404: Problem } } }, (request) =>
    orders.get(actorOf(request), request.params.id),
  );
}
