import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { productKitItems, products } from '../modules/catalog/catalog.schema.ts';
import { orderLines, orders } from '../modules/orders/orders.schema.ts';
import { partnerAgreements } from '../modules/partners/partners.schema.ts';
import { invoices } from '../modules/billing/billing.schema.ts';
import { commissionFor, CONVERTED, localDateBetween } from './commission-statement.ts';

/**
 * The P&L of one business entity for a period (local dates, inclusive): revenue from invoices issued
 * minus credit notes; cost of materials and labour of the orders completed in the period at the
 * catalogue's cost prices (a kit line at its components'); commissions owed for the leads that became orders in the period.
 */
export async function profitAndLoss(db: DbOrTx, opts: { entityId: string; from: string; to: string }) {
  const [revenue] = await db
    .select({
      invoiced: sql<number>`coalesce(sum(case when ${invoices.kind} = 'invoice' then ${invoices.subtotalCents} else 0 end), 0)::int`,
      credited: sql<number>`coalesce(sum(case when ${invoices.kind} = 'credit_note' then ${invoices.subtotalCents} else 0 end), 0)::int`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.entityId, opts.entityId),
        sql`${invoices.issueDate} between ${opts.from}::date and ${opts.to}::date`,
      ),
    );
  const completed = and(
    eq(orders.entityId, opts.entityId),
    isNotNull(orders.completedAt),
    sql`(${orders.completedAt} at time zone 'Europe/Amsterdam')::date between ${opts.from}::date and ${opts.to}::date`,
  );
  const labour = sql<boolean>`${products.categoryCode} = 'installation_service'`;
  const [productCosts, kitCosts] = await Promise.all([
    db
      .select({
        labour,
        cents: sql<number>`coalesce(sum(round(${orderLines.quantity} * ${products.costCents})), 0)::int`,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(products, eq(products.id, orderLines.productId))
      .where(completed)
      .groupBy(sql`1`),
    db
      .select({
        labour,
        cents: sql<number>`coalesce(sum(round(${orderLines.quantity} * ${productKitItems.quantity} * ${products.costCents})), 0)::int`,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(productKitItems, eq(productKitItems.kitId, orderLines.kitId))
      .innerJoin(products, eq(products.id, productKitItems.productId))
      .where(completed)
      .groupBy(sql`1`),
  ]);
  const costs = [...productCosts, ...kitCosts];
  const converted = await db
    .select({
      partnerId: orders.partnerId,
      month: sql<string>`to_char(${orders.createdAt} at time zone 'Europe/Amsterdam', 'YYYY-MM')`,
      totalCents: orders.totalCents,
    })
    .from(orders)
    .where(
      and(
        eq(orders.entityId, opts.entityId),
        isNotNull(orders.partnerId),
        inArray(orders.stage, [...CONVERTED]),
        localDateBetween(orders.createdAt, opts.from, opts.to),
      ),
    );
  const agreements = await db.select().from(partnerAgreements).where(eq(partnerAgreements.entityId, opts.entityId));
  const agreementOf = new Map(agreements.map((a) => [a.partnerId, a]));
  const groups = new Map<string, { totalCents: number }[]>();
  for (const o of converted)
    groups.set(`${o.partnerId}|${o.month}`, [...(groups.get(`${o.partnerId}|${o.month}`) ?? []), o]);
  let commissionsCents = 0;
  for (const [key, list] of groups) {
    const agreement = agreementOf.get(key.split('|')[0]!);
    if (agreement) commissionsCents += commissionFor(agreement, list).perOrder.reduce((a, b) => a + b, 0);
  }
  const revenueCents = revenue!.invoiced - revenue!.credited;
  const labourCents = costs.filter((c) => c.labour).reduce((a, c) => a + c.cents, 0);
  const materialsCents = costs.filter((c) => !c.labour).reduce((a, c) => a + c.cents, 0);
  return {
    entityId: opts.entityId,
    from: opts.from,
    to: opts.to,
    revenueCents,
    creditedCents: revenue!.credited,
    materialsCents,
    labourCents,
    commissionsCents,
    grossMarginCents: revenueCents - materialsCents - labourCents,
    resultCents: revenueCents - materialsCents - labourCents - commissionsCents,
  };
}
