import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import { invoiceLines, invoices } from '../modules/billing/billing.schema.ts';
import { orderLines } from '../modules/orders/orders.schema.ts';
import { productKits, products } from '../modules/catalog/catalog.schema.ts';

/**
 * What the order's lifecycle rules decide on (`orders/order-lifecycle.ts`): its visits by state (cancelled
 * ones do not count), its lines no invoice holds yet, and its invoices (also a monthly partner invoice that
 * holds some of its lines) by whether they are paid. Read in the caller's transaction.
 */
export async function orderFacts(db: DbOrTx, orderId: string) {
  const [row] = rowsOf<OrderFacts>(
    await db.execute(sql`
    select
      (select count(*)::int from ${visits} v where v.order_id = ${orderId} and v.status <> 'cancelled') as "visits",
      (select count(*)::int from ${visits} v where v.order_id = ${orderId}
        and v.status in ('scheduled', 'in_progress', 'completed', 'partial')) as "planned",
      (select count(*)::int from ${visits} v where v.order_id = ${orderId}
        and v.status in ('in_progress', 'completed', 'partial')) as "started",
      (select count(*)::int from ${visits} v where v.order_id = ${orderId} and v.status = 'completed') as "done",
      (select count(*)::int from ${orderLines} l where l.order_id = ${orderId}) as "lines",
      (select count(*)::int from ${orderLines} l where l.order_id = ${orderId} and l.invoiced_at is null) as "uninvoicedLines",
      (select count(*)::int from ${invoices} i where i.kind = 'invoice' and i.status <> 'cancelled'
        and (i.order_id = ${orderId} or exists (select 1 from ${invoiceLines} il where il.invoice_id = i.id and il.order_id = ${orderId}))
        and i.status <> 'paid') as "unpaidInvoices",
      (select count(*)::int from ${invoices} i where i.kind = 'invoice' and i.status <> 'cancelled'
        and (i.order_id = ${orderId} or exists (select 1 from ${invoiceLines} il where il.invoice_id = i.id and il.order_id = ${orderId}))) as "invoices"
  `),
  );
  return row!;
}

export type OrderFacts = {
  visits: number;
  planned: number;
  started: number;
  done: number;
  lines: number;
  uninvoicedLines: number;
  invoices: number;
  unpaidInvoices: number;
};

/** The orders whose lines an invoice holds (its own order, or each order of a monthly partner invoice). */
export async function ordersOfInvoice(db: DbOrTx, invoiceId: string): Promise<string[]> {
  const rows = rowsOf<{ orderId: string }>(
    await db.execute(sql`
    select i.order_id as "orderId" from ${invoices} i where i.id = ${invoiceId} and i.order_id is not null
    union
    select il.order_id from ${invoiceLines} il where il.invoice_id = ${invoiceId} and il.order_id is not null
  `),
  );
  return rows.map((r) => r.orderId);
}

/** The two drivers answer `execute` differently: node-postgres with `{ rows }`, the embedded one with the rows. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** The product categories of an order's lines (a kit's own category): what its visits need the team to be able to do. */
export async function orderLineCategories(db: DbOrTx, orderId: string): Promise<string[]> {
  const rows = rowsOf<{ category: string }>(
    await db.execute(sql`
      select distinct coalesce(p.category_code, k.category_code) as "category"
      from ${orderLines} l
      left join ${products} p on p.id = l.product_id
      left join ${productKits} k on k.id = l.kit_id
      where l.order_id = ${orderId} and coalesce(p.category_code, k.category_code) is not null`),
  );
  return rows.map((r) => r.category);
}
