import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { ownPart, type Actor } from '../platform/http/actor.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import type { ORDER_STAGES } from '../modules/orders/orders.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { orderScope } from '../modules/orders/order-scope.ts';

export type ListOrdersOptions = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  sort?: string | undefined;
  stage?: (typeof ORDER_STAGES)[number] | undefined;
};

/** The total a reader sees of an order: staff the whole, a customer or partner only the part it pays. */
export function visibleOrderTotal(actor: Actor) {
  const part = ownPart(actor);
  return part === 'customer'
    ? orders.customerTotalCents
    : part === 'partner'
      ? orders.partnerTotalCents
      : orders.totalCents;
}

export const orderListColumns = (actor: Actor) => ({
  id: orders.id,
  number: orders.number,
  customerName: customers.name,
  postcode: addresses.postcode,
  city: addresses.city,
  entity: orders.entityId,
  partnerName: partners.name,
  stage: orders.stage,
  progress: orders.progress,
  totalCents: visibleOrderTotal(actor),
  createdAt: orders.createdAt,
});

/** One order with its customer, address and partner; undefined when the actor may not see it. */
export async function orderWithParties(db: DbOrTx, actor: Actor, id: string) {
  const [order] = await db
    .select({
      ...orderListColumns(actor),
      customerId: orders.customerId,
      quoteId: orders.quoteId,
      stageReason: orders.stageReason,
      customerTotalCents: orders.customerTotalCents,
      partnerTotalCents: orders.partnerTotalCents,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(addresses, eq(addresses.id, orders.installationAddressId))
    .leftJoin(partners, eq(partners.id, orders.partnerId))
    .where(and(eq(orders.id, id), orderScope(actor)));
  return order;
}

/** A page of orders the actor may see, newest first unless sorted otherwise. */
export async function listOrders(db: DbOrTx, actor: Actor, opts: ListOrdersOptions) {
  const where: (SQL | undefined)[] = [orderScope(actor)];
  if (opts.stage) where.push(eq(orders.stage, opts.stage));
  const q = opts.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(orders.number, like), ilike(customers.name, like), ilike(addresses.postcode, like)));
  }
  const condition = and(...where.filter(Boolean));
  const field = opts.sort?.replace(/^-/, '') ?? 'createdAt';
  const dir = opts.sort && !opts.sort.startsWith('-') ? asc : desc;
  const sortColumn =
    {
      createdAt: orders.createdAt,
      number: orders.number,
      stage: orders.stage,
      totalCents: visibleOrderTotal(actor),
      customerName: customers.name,
    }[field] ?? orders.createdAt;
  const base = () =>
    db
      .select(orderListColumns(actor))
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .leftJoin(addresses, eq(addresses.id, orders.installationAddressId))
      .leftJoin(partners, eq(partners.id, orders.partnerId));
  const rows = await base()
    .where(condition)
    .orderBy(dir(sortColumn), dir(orders.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(addresses, eq(addresses.id, orders.installationAddressId))
    .where(condition);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: count?.n ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
