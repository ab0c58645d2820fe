import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { messagePreferences } from '../platform/mail.schema.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { leads } from '../modules/leads/leads.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { quotes, type QUOTE_STATUSES } from '../modules/quotes/quotes.schema.ts';

/** One round trip for the parties a new quote names (and the lead it comes from): whether each exists, and the partner that brought the customer. */
export async function quotePartiesExist(
  db: DbOrTx,
  opts: {
    entityId: string;
    customerId: string;
    partnerId?: string | null | undefined;
    leadId?: string | null | undefined;
  },
) {
  const [found] = await db
    .select({
      entity: sql<boolean>`exists (select 1 from ${businessEntities} where ${businessEntities.id} = ${opts.entityId})`,
      customer: sql<boolean>`exists (select 1 from ${customers} where ${customers.id} = ${opts.customerId})`,
      sourcePartnerId: sql<
        string | null
      >`(select ${customers.sourcePartnerId} from ${customers} where ${customers.id} = ${opts.customerId})`,
      partner: opts.partnerId
        ? sql<boolean>`exists (select 1 from ${partners} where ${partners.id} = ${opts.partnerId})`
        : sql<boolean>`true`,
      // A quote names the lead it was made from only if that lead is the same customer's.
      lead: opts.leadId
        ? sql<boolean>`exists (select 1 from ${leads} where ${leads.id} = ${opts.leadId} and ${leads.customerId} = ${opts.customerId})`
        : sql<boolean>`true`,
    })
    .from(sql`(select 1) as one`);
  return found;
}

/** A quote with the selling entity and the names and addresses of its customer and partner: the head of every quote document. */
export async function quoteWithParties(db: DbOrTx, quoteId: string) {
  const [head] = await db
    .select({
      quote: quotes,
      entity: businessEntities,
      customerName: customers.name,
      customerEmail: customers.email,
      customerKind: customers.kind,
      partnerName: partners.name,
      partnerEmail: partners.email,
      partnerVatNumber: partners.vatNumber,
    })
    .from(quotes)
    .innerJoin(businessEntities, eq(businessEntities.id, quotes.entityId))
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .leftJoin(partners, eq(partners.id, quotes.partnerId))
    .where(eq(quotes.id, quoteId));
  return head;
}

const quoteCustomer = (db: DbOrTx) =>
  db
    .select({
      id: quotes.id,
      number: quotes.number,
      validUntil: quotes.validUntil,
      email: customers.email,
      name: customers.name,
      customerId: customers.id,
      language: messagePreferences.language,
      entity: {
        id: businessEntities.id,
        name: businessEntities.name,
        brandColor: businessEntities.brandColor,
        website: businessEntities.website,
        emailFrom: businessEntities.emailFrom,
      },
    })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .innerJoin(businessEntities, eq(businessEntities.id, quotes.entityId))
    .leftJoin(messagePreferences, eq(messagePreferences.customerId, customers.id));

/** Quotes in these statuses, valid until the given day or earlier, that had no reminder yet, with their customer's name and email. */
export async function quotesDueForExpiryReminder(
  db: DbOrTx,
  opts: { statuses: readonly (typeof QUOTE_STATUSES)[number][]; validUntilAtMost: string },
) {
  return quoteCustomer(db).where(
    and(
      inArray(quotes.status, [...opts.statuses]),
      isNull(quotes.expiryReminderSentAt),
      lte(quotes.validUntil, opts.validUntilAtMost),
    ),
  );
}

/** These quotes with their customer's name, address and language and the brand, for a message about each. */
export async function quoteCustomers(db: DbOrTx, quoteIds: string[]) {
  return quoteIds.length ? quoteCustomer(db).where(inArray(quotes.id, quoteIds)) : [];
}
