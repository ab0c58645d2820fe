import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { orders } from '../orders/orders.schema.ts';
import { partners } from './partners.schema.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { qualifiesForReverseCharge } from './reverse-charge.ts';

/** One partner with its registration details and whether its invoices carry reverse charge. */
export async function getPartner(db: DbOrTx, actor: Actor, id: string) {
  assertActsForPartner(actor, id);
  const [p] = await db.select({
    partner: partners,
    // Drizzle leaves columns unqualified in a one-table select, so the outer row is named in full here.
    orders: sql<number>`(select count(*)::int from ${orders} o where o.partner_id = "partners"."id")`,
  }).from(partners).where(eq(partners.id, id));
  if (!p) throw notFound('Partner');
  return presentPartner(p.partner, p.orders);
}

export function presentPartner(p: typeof partners.$inferSelect, orderCount: number) {
  return {
    id: p.id, number: p.number, name: p.name, category: p.category, entityId: p.entityId, status: p.status, email: p.email, phone: p.phone,
    kvkNumber: p.kvkNumber, vatNumber: p.vatNumber, reverseCharge: qualifiesForReverseCharge(p), orders: orderCount, createdAt: p.createdAt.toISOString(),
  };
}
