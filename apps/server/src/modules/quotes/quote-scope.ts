import { eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/http/actor.ts';
import { isStaff } from '../../platform/http/actor.ts';
import { quotes } from './quotes.schema.ts';

/** The quotes an actor may see: staff all, a partner its own, a customer their own, others none. */
export function quoteScope(actor: Actor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  if (actor.role === 'partner' && actor.partnerId) return eq(quotes.partnerId, actor.partnerId);
  if (actor.role === 'customer' && actor.customerId) return eq(quotes.customerId, actor.customerId);
  return sql`false`;
}
