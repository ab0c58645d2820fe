import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';

export const CUSTOMER_STATUSES = ['lead', 'prospect', 'customer', 'inactive'] as const;

/** One customer across all five entities (PRD 1.3: unified customer database). */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    kind: text('kind', { enum: ['consumer', 'business'] })
      .notNull()
      .default('consumer'),
    name: text('name').notNull(),
    companyName: text('company_name'),
    email: text('email').notNull(),
    phone: text('phone'),
    status: text('status', { enum: CUSTOMER_STATUSES }).notNull().default('lead'),
    sourceEntityId: text('source_entity_id')
      .notNull()
      .references(() => businessEntities.id),
    sourcePartnerId: uuid('source_partner_id').references(() => partners.id),
    acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('customers_email_key').on(sql`lower(${t.email})`),
    index('customers_name_idx').on(sql`lower(${t.name})`, t.id),
    index('customers_created_idx').on(t.createdAt, t.id),
    index('customers_partner_idx').on(t.sourcePartnerId),
    index('customers_phone_idx').on(t.phone),
  ],
);

/**
 * Search terms per customer: lowered name words, email, postcode and phone. A prefix match on this
 * btree index finds a customer among 70k in well under a millisecond on both PGlite and PostgreSQL,
 * without extensions (pg_trgm is not available on every PostgreSQL install).
 */
export const customerSearchTerms = pgTable(
  'customer_search_terms',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.term] }),
    index('customer_search_terms_term_idx').on(t.term.op('text_pattern_ops')),
  ],
);

/** Which entities a customer has dealt with, and when first. */
export const customerEntities = pgTable(
  'customer_entities',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.entityId] }), index('customer_entities_entity_idx').on(t.entityId)],
);

export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['installation', 'billing'] })
      .notNull()
      .default('installation'),
    street: text('street').notNull(),
    houseNumber: integer('house_number').notNull(),
    houseNumberAddition: text('house_number_addition'),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    municipality: text('municipality'),
    province: text('province'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    isPrimary: boolean('is_primary').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('addresses_customer_idx').on(t.customerId),
    index('addresses_postcode_idx').on(t.postcode, t.houseNumber),
    uniqueIndex('addresses_one_primary_key').on(t.customerId, t.kind).where(sql`${t.isPrimary}`),
  ],
);

/** Entity-specific contact history of a customer (calls, emails, visits, quotes ...). */
export const INTERACTION_CHANNELS = [
  'email',
  'phone',
  'sms',
  'whatsapp',
  'visit',
  'portal',
  'quote',
  'order',
  'note',
] as const;
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    channel: text('channel', {
      enum: INTERACTION_CHANNELS,
    }).notNull(),
    // What the platform wrote, as a sentence code and its parameters worded when read (platform/sentences).
    code: text('code'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    // The text itself where there is no code: as a person typed it, or an older row's Dutch (and English).
    summary: text('summary'),
    summaryEn: text('summary_en'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
  },
  (t) => [
    index('interactions_customer_idx').on(t.customerId, t.occurredAt),
    check('interactions_worded', sql`${t.code} is not null or ${t.summary} is not null`),
  ],
);

/** Notes on any business record; `subjectType` names the table, `subjectId` its row. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: ['customer', 'partner', 'lead', 'quote', 'order', 'visit'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notes_subject_idx').on(t.subjectType, t.subjectId, t.createdAt)],
);

export const tags = pgTable('tags', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  color: text('color').notNull().default('#64748b'),
});

export const taggings = pgTable(
  'taggings',
  {
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', { enum: ['customer', 'partner', 'lead', 'quote', 'order', 'visit'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectType, t.subjectId, t.tagId] })],
);
