import type { z } from 'zod';
import type { NewPartnerOrder } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { getOrder } from './get-order.ts';
import { listOrders, type ListOrdersOptions } from '../../read-models/order-list.ts';
import { placePartnerOrder, type PlaceOrderDeps } from './place-partner-order.ts';
import { createOrderFromSignedQuote } from './create-order-from-quote.ts';
import { changeOrderStage } from './change-order-stage.ts';
import { orderTimeline } from './order-timeline.ts';
import type { ORDER_STAGES } from './orders.schema.ts';

export { ordersRoutes } from './orders.routes.ts';
export { orderReference } from './order-reference.ts';
export { orderVisitPlan } from './order-visit-plan.ts';
export { advanceOrder } from './order-lifecycle.ts';
export { lockOrderForInvoicing, lockUninvoicedPartnerLines, markLinesInvoiced } from './invoicing-lines.ts';

export function createOrdersService(deps: Omit<PlaceOrderDeps, 'db'> & { db: Db }) {
  return {
    list: (actor: Actor, opts: ListOrdersOptions) => listOrders(deps.db, actor, opts),
    get: (actor: Actor, id: string) => getOrder(deps.db, actor, id),
    placeForPartner: (actor: Actor, partnerId: string, input: z.infer<typeof NewPartnerOrder>) =>
      placePartnerOrder(deps, actor, partnerId, input),
    /** Runs inside the caller's transaction (the last signature), so quote and order commit together. */
    createFromSignedQuote: createOrderFromSignedQuote,
    changeStage: (
      actor: Actor,
      opts: { orderId: string; stage: (typeof ORDER_STAGES)[number]; reason?: string | undefined },
    ) => changeOrderStage(deps.db, actor, opts),
    timeline: (actor: Actor, orderId: string, language: 'nl' | 'en') =>
      orderTimeline(deps.db, actor, orderId, language),
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
