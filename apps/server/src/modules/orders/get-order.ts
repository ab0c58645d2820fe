import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { isStaff, ownPart, type Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { orderWithParties } from '../../read-models/order-list.ts';
import { visitSummariesForOrder } from '../../read-models/visit-summaries.ts';
import { orderLines, orderMilestones } from './orders.schema.ts';
import { allowedNextStages } from './change-order-stage.ts';

/** One order with its lines, milestones and visits; 404 when the actor may not see it. */
export async function getOrder(db: DbOrTx, actor: Actor, id: string) {
  const order = await orderWithParties(db, actor, id);
  if (!order) throw notFound('Order');
  const [lines, milestones, visits, nextStages] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.position)),
    db.select().from(orderMilestones).where(eq(orderMilestones.orderId, id)).orderBy(asc(orderMilestones.position)),
    visitSummariesForOrder(db, id),
    isStaff(actor) ? allowedNextStages(db, { id, stage: order.stage }) : Promise.resolve([]),
  ]);
  // Each side sees only its own money: a customer only the lines they pay, a partner every line (the
  // work it answers for) but the customer's prices as 0, and neither the other side's total.
  const part = ownPart(actor);
  const visibleLines = part === 'customer' ? lines.filter((l) => l.billTo === 'customer') : lines;
  const hidden = (billTo: string) => part !== null && billTo !== part;
  return {
    ...order,
    createdAt: order.createdAt.toISOString(),
    customerTotalCents: part === 'partner' ? 0 : order.customerTotalCents,
    partnerTotalCents: part === 'customer' ? 0 : order.partnerTotalCents,
    lines: visibleLines.map((l) => ({
      description: l.description,
      descriptionEn: l.descriptionEn,
      quantity: Number(l.quantity),
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      billTo: l.billTo,
      unitPriceCents: hidden(l.billTo) ? 0 : l.unitPriceCents,
      totalCents: hidden(l.billTo) ? 0 : l.totalCents,
    })),
    milestones: milestones.map((m) => ({ code: m.code, reachedAt: m.reachedAt?.toISOString() ?? null })),
    visits,
    nextStages,
  };
}
