import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { orderLines, orders } from './orders.schema.ts';

// Billing decides what to invoice; these are the only writes to order lines it may cause, in its own transaction.

/** The order and its lines no invoice holds yet, the order locked until the caller's transaction ends. */
export async function lockOrderForInvoicing(tx: Tx, orderId: string) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) return undefined;
  const open = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), isNull(orderLines.invoicedAt)))
    .orderBy(orderLines.position);
  return { order, open };
}

/** The partner's uninvoiced lines of its orders with the entity completed between two days (Amsterdam), locked, with each order's number. */
export async function lockUninvoicedPartnerLines(
  tx: Tx,
  opts: { partnerId: string; entityId: string; completedFrom: string; completedTo: string },
) {
  return tx
    .select({ line: orderLines, number: orders.number })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        eq(orders.partnerId, opts.partnerId),
        eq(orders.entityId, opts.entityId),
        inArray(orders.stage, ['completed', 'invoiced', 'closed']),
        sql`(${orders.completedAt} at time zone 'Europe/Amsterdam')::date between ${opts.completedFrom}::date and ${opts.completedTo}::date`,
        eq(orderLines.billTo, 'partner'),
        isNull(orderLines.invoicedAt),
      ),
    )
    .orderBy(asc(orders.number), asc(orderLines.position))
    .for('update', { of: orderLines });
}

/** Marks order lines as held by an invoice, in the invoice's transaction. */
export async function markLinesInvoiced(tx: Tx, lineIds: readonly string[]) {
  if (!lineIds.length) return;
  await tx
    .update(orderLines)
    .set({ invoicedAt: new Date() })
    .where(inArray(orderLines.id, [...lineIds]));
}
