import { eq, sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../../platform/http/actor.ts';
import { leads } from './leads.schema.ts';

/** Staff see every lead; a partner (user or API key) only its own; anyone else none. */
export function leadScope(actor: Actor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  if (actor.role === 'partner' && actor.partnerId) return eq(leads.partnerId, actor.partnerId);
  return sql`false`;
}
