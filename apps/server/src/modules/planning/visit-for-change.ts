import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { EventAudience } from '../../platform/events/events.schema.ts';
import { notFound } from '../../platform/errors.ts';
import { orderReference } from '../orders/index.ts';
import { visits } from './planning.schema.ts';

/**
 * The visit a mutation is about, locked for the rest of its transaction, with the order fields its
 * events need. Missing is 404; so is a visit of another team for a technician, like every other
 * scoped read, so a technician cannot learn which visits exist elsewhere.
 */
export async function lockVisitForChange(tx: Tx, visitId: string, scope: { teamId: string | null } | 'all') {
  const [visit] = await tx.select().from(visits).where(eq(visits.id, visitId)).for('update');
  if (!visit || (scope !== 'all' && (!scope.teamId || visit.teamId !== scope.teamId))) throw notFound('Bezoek');
  const order = await orderReference(tx, visit.orderId);
  if (!order) throw notFound('Order');
  return { visit, order };
}

/** Partners subscribe to visit events by webhook; the customer and the (new) team see them in their portals. */
export const visitAudience = (
  order: { partnerId: string | null },
  visit: { customerId: string; teamId: string | null },
): EventAudience => ({ partnerId: order.partnerId, customerId: visit.customerId, teamId: visit.teamId });
