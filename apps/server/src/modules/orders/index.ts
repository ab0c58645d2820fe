import type { z } from 'zod';
import type { NewPartnerOrder } from '@chargecars/contract';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { getOrder, type VisitSummaryRow } from './get-order.ts';
import { listOrders, type ListOrdersOptions } from './list-orders.ts';
import { orderSummariesForCustomer } from './order-summaries.ts';
import { placePartnerOrder, type PlaceOrderDeps } from './place-partner-order.ts';
import { createOrderFromQuote, type SignedQuote } from './create-order-from-quote.ts';
import { changeOrderStage } from './change-order-stage.ts';
import { orderTimeline } from './order-timeline.ts';
import type { ORDER_STAGES } from './orders.schema.ts';

export { ordersRoutes } from './orders.routes.ts';
export type { SignedQuote } from './create-order-from-quote.ts';

export function createOrdersService(deps: { db: Db; visitsOfOrder: (orderId: string) => Promise<VisitSummaryRow[]> } & Omit<PlaceOrderDeps, 'db'>) {
  return {
    list: (actor: Actor, opts: ListOrdersOptions) => listOrders(deps.db, actor, opts),
    get: (actor: Actor, id: string) => getOrder(deps.db, actor, id, deps.visitsOfOrder),
    summariesForCustomer: (customerId: string) => orderSummariesForCustomer(deps.db, customerId),
    placeForPartner: (actor: Actor, partnerId: string, input: z.infer<typeof NewPartnerOrder>) => placePartnerOrder(deps, actor, partnerId, input),
    /** Runs inside the caller's transaction (the last signature), so quote and order commit together. */
    createFromQuote: (tx: Tx, actor: Actor, signed: SignedQuote) => createOrderFromQuote(tx, actor, signed),
    changeStage: (actor: Actor, opts: { orderId: string; stage: (typeof ORDER_STAGES)[number]; reason?: string | undefined }) => changeOrderStage(deps.db, actor, opts),
    timeline: (actor: Actor, orderId: string) => orderTimeline(deps.db, actor, orderId),
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
