import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/http/actor.ts';
import { isStaff } from '../../platform/http/actor.ts';
import { invoices } from './billing.schema.ts';

/** A partner sees the invoices it pays, a customer the ones they pay; staff all. */
export function invoiceScope(actor: Actor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  if (actor.role === 'partner' && actor.partnerId)
    return and(eq(invoices.payer, 'partner'), eq(invoices.partnerId, actor.partnerId));
  if (actor.role === 'customer' && actor.customerId)
    return and(eq(invoices.payer, 'customer'), eq(invoices.customerId, actor.customerId));
  return sql`false`;
}
