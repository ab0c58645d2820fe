import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { BilingualError, notFound } from '../../platform/errors.ts';
import { orderLineCategories } from '../../read-models/order-facts.ts';
import { customerAddressId } from '../crm/index.ts';
import { orderVisitPlan } from '../orders/index.ts';
import { visits } from './planning.schema.ts';
import { nextVisitNumbers, requiredSkills, type VisitRequest } from './create-order-visits.ts';

export type CreateVisitInput = VisitRequest & {
  orderId: string;
  priority?: number | undefined;
  windowStart?: string | null | undefined;
  windowEnd?: string | null | undefined;
  afterVisitId?: string | null | undefined;
  instructions?: string | null | undefined;
};

/**
 * `POST /api/visits`: one more visit for an open order (a return visit, a second day), unplanned, in
 * the queue of the board. The skills follow from its type and the order's lines, as for the first ones.
 */
export async function createVisit(db: Db, actor: Actor, input: CreateVisitInput) {
  return db.transaction(async (tx) => {
    const order = await orderVisitPlan(tx, input.orderId);
    if (!order) throw notFound('Order', 'Order');
    if (order.stage === 'cancelled' || order.stage === 'closed')
      throw new BilingualError(409, 'order_not_open', {
        nl: 'Aan een geannuleerde of gesloten order worden geen bezoeken toegevoegd',
        en: 'A cancelled or closed order gets no new visits',
      });
    const addressId = order.installationAddressId ?? (await customerAddressId(tx, order.customerId));
    if (!addressId)
      throw new BilingualError(422, 'order_without_address', {
        nl: 'De klant heeft geen adres; voeg eerst een installatieadres toe',
        en: 'The customer has no address; add an installation address first',
      });
    if (input.afterVisitId) {
      const [first] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(and(eq(visits.id, input.afterVisitId), eq(visits.orderId, order.id), ne(visits.status, 'cancelled')));
      if (!first)
        throw new BilingualError(422, 'link_not_in_order', {
          nl: 'Het bezoek waarna dit bezoek komt hoort niet bij deze order',
          en: 'The visit this one follows is not one of this order',
        });
    }
    const [number] = await nextVisitNumbers(tx, 1);
    const [visit] = await tx
      .insert(visits)
      .values({
        number: number!,
        orderId: order.id,
        entityId: order.entityId,
        customerId: order.customerId,
        addressId,
        type: input.type,
        durationMinutes: input.durationMinutes,
        requiredSkills: requiredSkills(input.type, await orderLineCategories(tx, order.id)),
        priority: input.priority ?? 0,
        windowStart: input.windowStart ?? null,
        windowEnd: input.windowEnd ?? null,
        afterVisitId: input.afterVisitId ?? null,
        instructions: input.instructions ?? null,
      })
      .returning();
    const v = visit!;
    await recordAudit(tx, actor, {
      action: 'visit.created',
      subjectType: 'visit',
      subjectId: v.id,
      after: { orderId: order.id, type: v.type, durationMinutes: v.durationMinutes, priority: v.priority },
    });
    await emitEvent(tx, {
      type: 'visit.created',
      subjectType: 'visit',
      subjectId: v.id,
      data: {
        visitId: v.id,
        number: v.number,
        orderId: order.id,
        orderNumber: order.number,
        type: v.type,
        durationMinutes: v.durationMinutes,
      },
      audience: { partnerId: order.partnerId, customerId: order.customerId, teamId: null },
    });
    return {
      id: v.id,
      number: v.number,
      orderId: order.id,
      type: v.type,
      status: v.status,
      durationMinutes: v.durationMinutes,
      priority: v.priority,
      requiredSkills: v.requiredSkills,
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
      afterVisitId: v.afterVisitId,
      lockVersion: v.lockVersion,
    };
  });
}
