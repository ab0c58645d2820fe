import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { recordAudit } from '../audit.ts';
import { SYSTEM_ACTOR } from '../http/actor.ts';
import { users } from './auth.schema.ts';

/** A customer as the CRM knows them: who gets the portal account. */
export type KnownCustomer = { id: string; email: string; name: string };

/** How the auth routes find the customer behind an e-mail address; the server passes a read model in. */
export type FindCustomerByEmail = (email: string) => Promise<KnownCustomer | undefined>;

/**
 * The customer's portal account, made the first time they need one (at signing, or when they ask for a
 * login link): matched by e-mail, else created. An address that already belongs to another account (a
 * staff or partner user, or another customer's) is left alone: null, and nobody gets someone else's access.
 */
export async function ensureCustomerAccount(tx: DbOrTx, customer: KnownCustomer) {
  const email = customer.email.trim();
  const existing = async () => {
    const [user] = await tx
      .select({ id: users.id, role: users.role, customerId: users.customerId, active: users.active })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    return user;
  };
  let user = await existing();
  if (!user) {
    const [created] = await tx
      .insert(users)
      .values({ email, name: customer.name, role: 'customer', customerId: customer.id })
      .onConflictDoNothing()
      .returning({ id: users.id, role: users.role, customerId: users.customerId, active: users.active });
    if (created)
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'user.created',
        subjectType: 'user',
        subjectId: created.id,
        after: { role: 'customer', customerId: customer.id },
      });
    user = created ?? (await existing());
  }
  return user && user.role === 'customer' && user.customerId === customer.id ? user : null;
}
