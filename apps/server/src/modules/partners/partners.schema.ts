import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';

export const PARTNER_CATEGORIES = ['LeadTransfer', 'Automotive', 'Energy', 'B2BContractor'] as const;

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    category: text('category', { enum: PARTNER_CATEGORIES }).notNull(),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    kvkNumber: text('kvk_number').notNull(),
    // EU VAT number (NL123456789B01); an installation company with one is invoiced with reverse charge.
    vatNumber: text('vat_number'),
    email: text('email').notNull(),
    phone: text('phone'),
    status: text('status', { enum: ['onboarding', 'active', 'suspended', 'ended'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partners_name_idx').on(sql`lower(${t.name})`), index('partners_category_idx').on(t.category)],
);

export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    role: text('role').notNull(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);

/**
 * How a partner wants to hear from us by e-mail: the address and language of its contact (every mail to
 * the partner, signing links and webhook notices too, is written in that language), and which events it
 * also wants by mail besides its webhooks. No row: Dutch, to the partner's own address, no event mails.
 */
export const partnerMailSettings = pgTable('partner_mail_settings', {
  partnerId: uuid('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  language: text('language', { enum: ['nl', 'en'] })
    .notNull()
    .default('nl'),
  leadQualified: boolean('lead_qualified').notNull().default(false),
  orderCreated: boolean('order_created').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a partner and an entity agreed: commission for lead transfer and which line categories
 * the partner pays by default (the billing allocation rules of a quote).
 */
export const partnerAgreements = pgTable(
  'partner_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    commissionType: text('commission_type', { enum: ['none', 'percentage', 'fixed_per_lead', 'tiered'] }).notNull(),
    commissionBasisPoints: integer('commission_basis_points'),
    commissionFixedCents: integer('commission_fixed_cents'),
    commissionTiers: jsonb('commission_tiers').$type<{ fromOrders: number; basisPoints: number }[]>(),
    partnerPaysCategories: text('partner_pays_categories').array().notNull().default(sql`'{}'::text[]`),
    paymentTermDays: integer('payment_term_days').notNull().default(30),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('partner_agreements_partner_idx').on(t.partnerId),
    check(
      'partner_agreements_bp',
      sql`${t.commissionBasisPoints} is null or ${t.commissionBasisPoints} between 0 and 10000`,
    ),
  ],
);

export const API_SCOPES = ['leads:write', 'leads:read', 'orders:write', 'performance:read', 'webhooks:manage'] as const;

/**
 * A partner's API keys. Only the SHA-256 of the key is stored; the prefix lets a person recognise a
 * key in lists and logs without it being usable.
 */
export const partnerApiKeys = pgTable(
  'partner_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    replacedById: uuid('replaced_by_id'),
  },
  (t) => [index('partner_api_keys_partner_idx').on(t.partnerId)],
);
