import type { z } from 'zod';
import type { NewPartnerOrder } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { getOrder, type VisitSummaryRow } from './get-order.ts';
import { listOrders, type ListOrdersOptions } from './list-orders.ts';
import { orderSummariesForCustomer } from './order-summaries.ts';
import { placePartnerOrder, type PlaceOrderDeps } from './place-partner-order.ts';

export { ordersRoutes } from './orders.routes.ts';

export function createOrdersService(deps: { db: Db; visitsOfOrder: (orderId: string) => Promise<VisitSummaryRow[]> } & Omit<PlaceOrderDeps, 'db'>) {
  return {
    list: (actor: Actor, opts: ListOrdersOptions) => listOrders(deps.db, actor, opts),
    get: (actor: Actor, id: string) => getOrder(deps.db, actor, id, deps.visitsOfOrder),
    summariesForCustomer: (customerId: string) => orderSummariesForCustomer(deps.db, customerId),
    placeForPartner: (actor: Actor, partnerId: string, input: z.infer<typeof NewPartnerOrder>) => placePartnerOrder(deps, actor, partnerId, input),
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
