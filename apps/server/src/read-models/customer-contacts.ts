import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { customers } from '../modules/crm/crm.schema.ts';

/** The e-mail address and phone number of a customer, to tell which of them bounced. */
export async function customerContacts(db: DbOrTx, customerId: string) {
  const [customer] = await db
    .select({ email: customers.email, phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, customerId));
  return customer;
}
