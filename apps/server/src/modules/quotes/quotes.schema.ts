import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { customers } from '../crm/crm.schema.ts';
import { leads } from '../leads/leads.schema.ts';
import { products } from '../catalog/catalog.schema.ts';

export const QUOTE_STATUSES = ['draft', 'sent', 'partially_signed', 'signed', 'declined', 'expired'] as const;
export const BILL_TO = ['customer', 'partner'] as const;
export const VISIT_TYPES = ['survey', 'installation', 'meter_replacement'] as const;

export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    entityId: text('entity_id').notNull().references(() => businessEntities.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    leadId: uuid('lead_id').references(() => leads.id),
    status: text('status', { enum: QUOTE_STATUSES }).notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    validUntil: date('valid_until').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    // Optimistic locking: a change names the version it read.
    lockVersion: integer('lock_version').notNull().default(1),
  },
  (t) => [index('quotes_customer_idx').on(t.customerId), index('quotes_partner_idx').on(t.partnerId, t.createdAt), index('quotes_status_idx').on(t.status)],
);

/** Every version of a quote is kept whole; lines belong to a version. */
export const quoteVersions = pgTable(
  'quote_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id').notNull().references(() => quotes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    customerTotalCents: integer('customer_total_cents').notNull(),
    partnerTotalCents: integer('partner_total_cents').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [unique('quote_versions_quote_version_key').on(t.quoteId, t.version)],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteVersionId: uuid('quote_version_id').notNull().references(() => quoteVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    billTo: text('bill_to', { enum: BILL_TO }).notNull(),
    billingRule: text('billing_rule'),
    totalCents: integer('total_cents').notNull(),
  },
  (t) => [
    index('quote_lines_version_idx').on(t.quoteVersionId, t.position),
    check('quote_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('quote_lines_vat', sql`${t.vatRate} in (21, 9, 0)`),
  ],
);

/** Up to two visits a quote asks for (PRD 1.1.1, process 2). */
export const quoteVisitRequirements = pgTable(
  'quote_visit_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteVersionId: uuid('quote_version_id').notNull().references(() => quoteVersions.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    type: text('type', { enum: VISIT_TYPES }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
  },
  (t) => [unique('quote_visit_requirements_seq_key').on(t.quoteVersionId, t.sequence), check('quote_visit_requirements_max2', sql`${t.sequence} between 1 and 2`)],
);
