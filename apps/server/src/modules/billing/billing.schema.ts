import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { customers } from '../crm/crm.schema.ts';
import { orders } from '../orders/orders.schema.ts';
import { VAT_CATEGORIES, vatCategoryMatchesRate } from '../../platform/vat.ts';

export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    kind: text('kind', { enum: ['invoice', 'credit_note'] })
      .notNull()
      .default('invoice'),
    payer: text('payer', { enum: ['customer', 'partner'] }).notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    orderId: uuid('order_id').references(() => orders.id),
    issueDate: date('issue_date').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['issued', 'partially_paid', 'paid', 'overdue', 'cancelled'] })
      .notNull()
      .default('issued'),
    subtotalCents: integer('subtotal_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    paidCents: integer('paid_cents').notNull().default(0),
    // What credit notes have taken back of this invoice (incl. VAT); what is open is total - paid - credited.
    creditedCents: integer('credited_cents').notNull().default(0),
    // A credit note names the invoice it corrects; a monthly partner invoice names its month (YYYY-MM).
    creditedInvoiceId: uuid('credited_invoice_id'),
    periodMonth: text('period_month'),
    reason: text('reason'),
    // The buyer's VAT number as it was when the invoice was issued (an issued invoice never changes).
    buyerVatNumber: text('buyer_vat_number'),
    // Reverse charge ("btw verlegd"): the buyer accounts for the VAT, which the law allows only with its VAT number.
    reverseCharge: boolean('reverse_charge').notNull().default(false),
    // Payment reminders (dunning): how many steps of the entity's sequence went, the last step's days overdue
    // and when it was queued; a step is sent once, so the daily job only ever moves these forward.
    reminderStep: integer('reminder_step').notNull().default(0),
    reminderDays: integer('reminder_days'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('invoices_entity_number_key').on(t.entityId, t.number),
    index('invoices_order_idx').on(t.orderId),
    index('invoices_partner_idx').on(t.partnerId, t.issueDate),
    index('invoices_status_idx').on(t.status, t.dueDate),
    check('invoices_total', sql`${t.totalCents} = ${t.subtotalCents} + ${t.vatCents}`),
    check('invoices_credited', sql`${t.creditedCents} >= 0 and ${t.creditedCents} <= ${t.totalCents}`),
    index('invoices_credited_invoice_idx').on(t.creditedInvoiceId),
    check('invoices_reverse_charge_vat_number', sql`not ${t.reverseCharge} or ${t.buyerVatNumber} is not null`),
    check(
      'invoices_payer',
      sql`(${t.payer} = 'customer' and ${t.customerId} is not null) or (${t.payer} = 'partner' and ${t.partnerId} is not null)`,
    ),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    // The order line's English wording (issue 16), for a reader of English; null for a free line.
    descriptionEn: text('description_en'),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    vatCategory: text('vat_category', { enum: VAT_CATEGORIES }).notNull(),
    totalCents: integer('total_cents').notNull(),
    vatCents: integer('vat_cents').notNull().default(0),
    orderId: uuid('order_id').references(() => orders.id),
    // On a credit note: the invoice line it takes back (part of), so no line is credited twice.
    creditedLineId: uuid('credited_line_id').references((): AnyPgColumn => invoiceLines.id),
  },
  (t) => [
    check('invoice_lines_vat', vatCategoryMatchesRate(t.vatCategory, t.vatRate)),
    index('invoice_lines_invoice_idx').on(t.invoiceId),
    index('invoice_lines_credited_line_idx').on(t.creditedLineId),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amountCents: integer('amount_cents').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    method: text('method', { enum: ['bank_transfer', 'ideal', 'direct_debit'] }).notNull(),
    reference: text('reference'),
  },
  (t) => [index('payments_invoice_idx').on(t.invoiceId), check('payments_positive', sql`${t.amountCents} > 0`)],
);

/** Gapless numbering per entity per year (Dutch invoicing law): taken by UPDATE ... RETURNING inside the invoice's transaction. */
export const invoiceNumberSequences = pgTable(
  'invoice_number_sequences',
  {
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.year] })],
);
