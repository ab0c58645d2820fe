import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { orders } from './orders.schema.ts';

/** What another module's events say about an order: its number and the partner who sees it; undefined for an unknown order. */
export async function orderReference(db: DbOrTx, orderId: string) {
  const [order] = await db
    .select({ number: orders.number, partnerId: orders.partnerId })
    .from(orders)
    .where(eq(orders.id, orderId));
  return order;
}
