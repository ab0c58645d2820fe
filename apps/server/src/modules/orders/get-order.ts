import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { isStaff, type Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { addresses, customers } from '../crm/crm.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { orderLines, orderMilestones, orders } from './orders.schema.ts';
import { orderScope } from './order-scope.ts';
import { orderListColumns } from './list-orders.ts';
import { allowedNextStages } from './change-order-stage.ts';

/** One order with its lines, milestones and visits; 404 when the actor may not see it. */
export async function getOrder(db: DbOrTx, actor: Actor, id: string, visitsOf: (orderId: string) => Promise<VisitSummaryRow[]>) {
  const [order] = await db
    .select({ ...orderListColumns, stageReason: orders.stageReason, customerTotalCents: orders.customerTotalCents, partnerTotalCents: orders.partnerTotalCents })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(addresses, eq(addresses.id, orders.installationAddressId))
    .leftJoin(partners, eq(partners.id, orders.partnerId))
    .where(and(eq(orders.id, id), orderScope(actor)));
  if (!order) throw notFound('Order');
  const [lines, milestones, visits, nextStages] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.position)),
    db.select().from(orderMilestones).where(eq(orderMilestones.orderId, id)).orderBy(asc(orderMilestones.position)),
    visitsOf(id),
    isStaff(actor) ? allowedNextStages(db, { id, stage: order.stage }) : Promise.resolve([]),
  ]);
  // A customer sees only the lines they pay: the partner's prices are the partner's business.
  const visibleLines = actor.role === 'customer' ? lines.filter((l) => l.billTo === 'customer') : lines;
  return {
    ...order,
    createdAt: order.createdAt.toISOString(),
    ...(actor.role === 'customer' ? { totalCents: order.customerTotalCents, partnerTotalCents: 0 } : {}),
    lines: visibleLines.map((l) => ({ description: l.description, quantity: Number(l.quantity), unitPriceCents: l.unitPriceCents, vatRate: l.vatRate, vatCategory: l.vatCategory, totalCents: l.totalCents, billTo: l.billTo })),
    milestones: milestones.map((m) => ({ code: m.code, reachedAt: m.reachedAt?.toISOString() ?? null })),
    visits,
    nextStages,
  };
}

export type VisitSummaryRow = { id: string; number: string; type: string; status: string; date: string | null; block: string | null; teamName: string | null };
