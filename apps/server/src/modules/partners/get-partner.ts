import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { orderCountOfPartner } from '../../read-models/partner-list.ts';
import { partners } from './partners.schema.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { qualifiesForReverseCharge } from './reverse-charge.ts';

/** One partner with its registration details and whether its invoices carry reverse charge. */
export async function getPartner(db: DbOrTx, actor: Actor, id: string) {
  assertActsForPartner(actor, id);
  const [[partner], orderCount] = await Promise.all([
    db.select().from(partners).where(eq(partners.id, id)),
    orderCountOfPartner(db, id),
  ]);
  if (!partner) throw notFound('Partner');
  return presentPartner(partner, orderCount);
}

export function presentPartner(p: typeof partners.$inferSelect, orderCount: number) {
  return {
    id: p.id,
    number: p.number,
    name: p.name,
    category: p.category,
    entityId: p.entityId,
    status: p.status,
    email: p.email,
    phone: p.phone,
    kvkNumber: p.kvkNumber,
    vatNumber: p.vatNumber,
    reverseCharge: qualifiesForReverseCharge(p),
    orders: orderCount,
    createdAt: p.createdAt.toISOString(),
  };
}
