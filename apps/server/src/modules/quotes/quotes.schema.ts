import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { customers } from '../crm/crm.schema.ts';
import { leads } from '../leads/leads.schema.ts';
import { productKits, products, PRODUCT_CATEGORIES } from '../catalog/catalog.schema.ts';
import { VAT_CATEGORIES, vatCategoryMatchesRate } from '../../platform/vat.ts';

export const QUOTE_STATUSES = ['draft', 'sent', 'partially_signed', 'signed', 'declined', 'expired'] as const;
export const BILL_TO = ['customer', 'partner'] as const;
export const VISIT_TYPES = ['survey', 'installation', 'meter_replacement'] as const;

export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    leadId: uuid('lead_id').references(() => leads.id),
    status: text('status', { enum: QUOTE_STATUSES }).notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    validUntil: date('valid_until').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    // Set when the "expires soon" reminder went out, so the daily job sends it once.
    expiryReminderSentAt: timestamp('expiry_reminder_sent_at', { withTimezone: true }),
    // Optimistic locking: a change names the version it read.
    lockVersion: integer('lock_version').notNull().default(1),
  },
  (t) => [
    index('quotes_customer_idx').on(t.customerId),
    index('quotes_partner_idx').on(t.partnerId, t.createdAt),
    index('quotes_status_idx').on(t.status),
  ],
);

/** Every version of a quote is kept whole; lines belong to a version. */
export const quoteVersions = pgTable(
  'quote_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    customerTotalCents: integer('customer_total_cents').notNull(),
    partnerTotalCents: integer('partner_total_cents').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    changeNote: text('change_note'),
    // The note in English when the platform wrote it (a renewal); a note a person typed reads as typed.
    changeNoteEn: text('change_note_en'),
  },
  (t) => [unique('quote_versions_quote_version_key').on(t.quoteId, t.version)],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteVersionId: uuid('quote_version_id')
      .notNull()
      .references(() => quoteVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id),
    // A kit line is one line for the whole package; its components are listed in the specification.
    kitId: uuid('kit_id').references(() => productKits.id),
    // Copied from the product (or chosen for a free line): the billing rules and visit proposal read it.
    category: text('category', { enum: PRODUCT_CATEGORIES }),
    description: text('description').notNull(),
    // Technical details only the partner view shows (brand, SKU, labour minutes).
    specification: text('specification'),
    // Both in English as the catalogue words them, for readers who chose English (issue 16); a free line
    // has none and reads as it was typed.
    descriptionEn: text('description_en'),
    specificationEn: text('specification_en'),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    vatCategory: text('vat_category', { enum: VAT_CATEGORIES }).notNull(),
    billTo: text('bill_to', { enum: BILL_TO }).notNull(),
    billingRule: text('billing_rule'),
    totalCents: integer('total_cents').notNull(),
  },
  (t) => [
    index('quote_lines_version_idx').on(t.quoteVersionId, t.position),
    check('quote_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('quote_lines_vat', vatCategoryMatchesRate(t.vatCategory, t.vatRate)),
    check('quote_lines_product_or_kit', sql`${t.productId} is null or ${t.kitId} is null`),
  ],
);

/** Up to two visits a quote asks for (PRD 1.1.1, process 2). */
export const quoteVisitRequirements = pgTable(
  'quote_visit_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteVersionId: uuid('quote_version_id')
      .notNull()
      .references(() => quoteVersions.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    type: text('type', { enum: VISIT_TYPES }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
  },
  (t) => [
    unique('quote_visit_requirements_seq_key').on(t.quoteVersionId, t.sequence),
    check('quote_visit_requirements_max2', sql`${t.sequence} between 1 and 2`),
  ],
);

export const SIGNER_ROLES = ['customer', 'partner'] as const;
export const SIGNATURE_STATUSES = ['pending', 'signed', 'declined', 'invalidated'] as const;

/**
 * One signer's request for one version: the tokenised link (stored hashed, single use, expiring) and,
 * once used, the evidence of the signature or the decline.
 */
export const quoteSignatures = pgTable(
  'quote_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    quoteVersionId: uuid('quote_version_id')
      .notNull()
      .references(() => quoteVersions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SIGNER_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: SIGNATURE_STATUSES }).notNull().default('pending'),
    signerName: text('signer_name'),
    method: text('method', { enum: ['drawn', 'typed'] }),
    signatureImage: text('signature_image'),
    declineReason: text('decline_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    documentSha256: text('document_sha256').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('quote_signatures_quote_idx').on(t.quoteId, t.role)],
);

/** Tamper-evident signing trail: each entry holds the SHA-256 of the one before it and of itself. */
export const quoteSigningTrail = pgTable(
  'quote_signing_trail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    event: text('event').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [unique('quote_signing_trail_seq_key').on(t.quoteId, t.sequence)],
);
