import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { customers } from '../modules/crm/crm.schema.ts';

/** The customer an e-mail address belongs to (one at most: the address is unique, case aside). */
export async function customerByEmail(db: DbOrTx, email: string) {
  const [customer] = await db
    .select({ id: customers.id, email: customers.email, name: customers.name })
    .from(customers)
    .where(sql`lower(${customers.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return customer;
}
