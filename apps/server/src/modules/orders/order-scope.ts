import { eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/http/actor.ts';
import { isStaff } from '../../platform/http/actor.ts';
import { orders } from './orders.schema.ts';

/** The orders an actor may see: staff all, a partner its own, a customer their own, others none. */
export function orderScope(actor: Actor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  if (actor.role === 'partner' && actor.partnerId) return eq(orders.partnerId, actor.partnerId);
  if (actor.role === 'customer' && actor.customerId) return eq(orders.customerId, actor.customerId);
  return sql`false`;
}
