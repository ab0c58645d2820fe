import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { customers } from '../modules/crm/crm.schema.ts';

/**
 * The customer who writes from this address (e-mail) or number (SMS, WhatsApp; E.164), if exactly one
 * customer has it: a number two customers share does not tell which of them wrote.
 */
export async function customerByContact(db: DbOrTx, channel: 'email' | 'sms' | 'whatsapp', address: string) {
  const rows = await db
    .select({ id: customers.id, sourceEntityId: customers.sourceEntityId })
    .from(customers)
    .where(
      channel === 'email' ? sql`lower(${customers.email}) = ${address.toLowerCase()}` : eq(customers.phone, address),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

/** The entity a customer first came through, for a timeline entry that belongs to no message of a brand. */
export async function customerSourceEntity(db: DbOrTx, customerId: string) {
  const [row] = await db
    .select({ entityId: customers.sourceEntityId })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row?.entityId ?? null;
}
