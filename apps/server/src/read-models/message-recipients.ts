import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { messagePreferences } from '../platform/mail.schema.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { quotes } from '../modules/quotes/quotes.schema.ts';

/** An order as its confirmation to the customer needs it: who, in which language, which brand, which quote. */
export async function orderForConfirmation(db: DbOrTx, orderId: string) {
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      quoteNumber: quotes.number,
      customerId: customers.id,
      customerName: customers.name,
      email: customers.email,
      language: messagePreferences.language,
      entity: {
        id: businessEntities.id,
        name: businessEntities.name,
        brandColor: businessEntities.brandColor,
        website: businessEntities.website,
        emailFrom: businessEntities.emailFrom,
      },
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(businessEntities, eq(businessEntities.id, orders.entityId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(messagePreferences, eq(messagePreferences.customerId, customers.id))
    .where(eq(orders.id, orderId));
  return row ?? null;
}

/** The language a customer reads their messages in (Dutch unless they chose English). */
export async function customerLanguage(db: DbOrTx, customerId: string): Promise<'nl' | 'en'> {
  const [row] = await db
    .select({ language: messagePreferences.language })
    .from(messagePreferences)
    .where(eq(messagePreferences.customerId, customerId));
  return row?.language ?? 'nl';
}

/** The languages of several customers at once (those without a choice read Dutch), for a batch of messages. */
export async function customerLanguages(db: DbOrTx, customerIds: readonly (string | null)[]) {
  const ids = [...new Set(customerIds.filter((c): c is string => !!c))];
  const rows = ids.length
    ? await db
        .select({ customerId: messagePreferences.customerId, language: messagePreferences.language })
        .from(messagePreferences)
        .where(inArray(messagePreferences.customerId, ids))
    : [];
  const chosen = new Map(rows.map((r) => [r.customerId, r.language]));
  return (customerId: string | null): 'nl' | 'en' => (customerId ? chosen.get(customerId) : undefined) ?? 'nl';
}
