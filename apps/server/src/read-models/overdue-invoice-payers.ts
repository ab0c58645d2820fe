import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { messagePreferences } from '../platform/mail.schema.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { invoices } from '../modules/billing/billing.schema.ts';

/**
 * Invoices past their due date with something still open (not paid, not credited in full, not cancelled),
 * with what a payment reminder needs: the payer's name, address and language, the brand and its bank
 * account, and the entity's reminder steps.
 */
export async function overdueInvoicePayers(db: DbOrTx, today: string) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      payer: invoices.payer,
      customerId: invoices.customerId,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      openCents: sql<number>`(${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents})::int`,
      reminderStep: invoices.reminderStep,
      payerName: sql<string>`coalesce(${partners.name}, ${customers.name})`,
      email: sql<string>`coalesce(${partners.email}, ${customers.email})`,
      // Partners are Dutch businesses; a customer's language is their message preference.
      language: sql<'nl' | 'en'>`coalesce(${messagePreferences.language}, 'nl')`,
      reminderDays: businessEntities.paymentReminderDays,
      entity: {
        id: businessEntities.id,
        name: businessEntities.name,
        emailFrom: businessEntities.emailFrom,
        brandColor: businessEntities.brandColor,
        website: businessEntities.website,
        iban: businessEntities.iban,
      },
    })
    .from(invoices)
    .innerJoin(businessEntities, eq(businessEntities.id, invoices.entityId))
    .leftJoin(customers, and(eq(invoices.payer, 'customer'), eq(customers.id, invoices.customerId)))
    .leftJoin(partners, and(eq(invoices.payer, 'partner'), eq(partners.id, invoices.partnerId)))
    .leftJoin(
      messagePreferences,
      and(eq(invoices.payer, 'customer'), eq(messagePreferences.customerId, invoices.customerId)),
    )
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['issued', 'partially_paid', 'overdue']),
        gt(sql`${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}`, 0),
        lt(invoices.dueDate, today),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
}
export type OverdueInvoicePayer = Awaited<ReturnType<typeof overdueInvoicePayers>>[number];
