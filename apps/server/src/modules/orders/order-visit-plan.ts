import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { orders, orderVisitRequirements } from './orders.schema.ts';

/**
 * What planning needs to make an order's visits: where and for whom, its stage, and the visits the signed
 * quote asked for (none for a partner's API order). Undefined for an unknown order.
 */
export async function orderVisitPlan(db: DbOrTx, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      stage: orders.stage,
      entityId: orders.entityId,
      customerId: orders.customerId,
      partnerId: orders.partnerId,
      installationAddressId: orders.installationAddressId,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return undefined;
  const requirements = await db
    .select({
      sequence: orderVisitRequirements.sequence,
      type: orderVisitRequirements.type,
      durationMinutes: orderVisitRequirements.durationMinutes,
    })
    .from(orderVisitRequirements)
    .where(eq(orderVisitRequirements.orderId, orderId))
    .orderBy(asc(orderVisitRequirements.sequence));
  return { ...order, requirements };
}
