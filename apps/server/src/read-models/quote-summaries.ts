import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { quotes, quoteVersions } from '../modules/quotes/quotes.schema.ts';
import { and } from 'drizzle-orm';

export async function quoteSummariesForCustomer(db: DbOrTx, customerId: string) {
  const rows = await db
    .select({
      id: quotes.id,
      number: quotes.number,
      entityId: quotes.entityId,
      status: quotes.status,
      customerTotalCents: quoteVersions.customerTotalCents,
      partnerTotalCents: quoteVersions.partnerTotalCents,
      createdAt: quotes.createdAt,
    })
    .from(quotes)
    .innerJoin(
      quoteVersions,
      and(eq(quoteVersions.quoteId, quotes.id), eq(quoteVersions.version, quotes.currentVersion)),
    )
    .where(eq(quotes.customerId, customerId))
    .orderBy(desc(quotes.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The quotes made from a lead, oldest first, with the order each became (if any): the lead page links to them. */
export async function quoteSummariesForLead(db: DbOrTx, leadId: string) {
  return db
    .select({
      id: quotes.id,
      number: quotes.number,
      status: quotes.status,
      orderId: orders.id,
      orderNumber: orders.number,
    })
    .from(quotes)
    .leftJoin(orders, eq(orders.quoteId, quotes.id))
    .where(eq(quotes.leadId, leadId))
    .orderBy(asc(quotes.createdAt))
    .limit(20);
}
