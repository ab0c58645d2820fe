import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { orders } from '../modules/orders/orders.schema.ts';

/** The order a signed quote became, if any. */
export async function orderIdOfQuote(db: DbOrTx, quoteId: string) {
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.quoteId, quoteId)).limit(1);
  return order?.id ?? null;
}

export async function orderSummariesForCustomer(db: DbOrTx, customerId: string) {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      entityId: orders.entityId,
      stage: orders.stage,
      progress: orders.progress,
      totalCents: orders.totalCents,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
