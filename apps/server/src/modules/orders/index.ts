import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { getOrder, type VisitSummaryRow } from './get-order.ts';
import { listOrders, type ListOrdersOptions } from './list-orders.ts';
import { orderSummariesForCustomer } from './order-summaries.ts';

export { ordersRoutes } from './orders.routes.ts';

export function createOrdersService(deps: { db: Db; visitsOfOrder: (orderId: string) => Promise<VisitSummaryRow[]> }) {
  return {
    list: (actor: Actor, opts: ListOrdersOptions) => listOrders(deps.db, actor, opts),
    get: (actor: Actor, id: string) => getOrder(deps.db, actor, id, deps.visitsOfOrder),
    summariesForCustomer: (customerId: string) => orderSummariesForCustomer(deps.db, customerId),
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
