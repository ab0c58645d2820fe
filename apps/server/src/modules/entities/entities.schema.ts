import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The five business entities (brands). A short code is the key: it is stable and readable in every record. */
export const businessEntities = pgTable('business_entities', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  legalName: text('legal_name').notNull(),
  kind: text('kind', { enum: ['b2b_partner', 'consumer', 'electrical', 'wholesale'] }).notNull(),
  kvkNumber: text('kvk_number').notNull(),
  vatNumber: text('vat_number').notNull(),
  iban: text('iban').notNull(),
  emailFrom: text('email_from').notNull(),
  brandColor: text('brand_color').notNull(),
  website: text('website').notNull(),
  // When the last visit of an order is done, its invoices are issued at once (billing reacts to order.completed).
  invoiceOnCompletion: boolean('invoice_on_completion').notNull().default(false),
  // Payment reminders go at these numbers of days past the due date, one mail per step (ops set them).
  paymentReminderDays: integer('payment_reminder_days').array().notNull().default([7, 14, 30]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
