import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { addresses, customers } from '../crm/crm.schema.ts';
import { quotes, BILL_TO, VISIT_TYPES } from '../quotes/quotes.schema.ts';
import { productKits, products } from '../catalog/catalog.schema.ts';
import { VAT_CATEGORIES, vatCategoryMatchesRate } from '../../platform/vat.ts';

export const ORDER_STAGES = [
  'new',
  'materials',
  'scheduled',
  'in_progress',
  'completed',
  'invoiced',
  'closed',
  'on_hold',
  'cancelled',
] as const;

export const orders = pgTable(
  'orders',
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
    quoteId: uuid('quote_id').references(() => quotes.id),
    installationAddressId: uuid('installation_address_id').references(() => addresses.id),
    stage: text('stage', { enum: ORDER_STAGES }).notNull().default('new'),
    stageReason: text('stage_reason'),
    progress: integer('progress').notNull().default(0),
    customerTotalCents: integer('customer_total_cents').notNull().default(0),
    partnerTotalCents: integer('partner_total_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('orders_customer_idx').on(t.customerId),
    index('orders_partner_idx').on(t.partnerId, t.createdAt),
    index('orders_stage_idx').on(t.stage, t.createdAt),
    index('orders_created_idx').on(t.createdAt, t.id),
    check('orders_progress', sql`${t.progress} between 0 and 100`),
    check('orders_reason', sql`${t.stage} not in ('on_hold', 'cancelled') or ${t.stageReason} is not null`),
    check('orders_total', sql`${t.totalCents} = ${t.customerTotalCents} + ${t.partnerTotalCents}`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id),
    kitId: uuid('kit_id').references(() => productKits.id),
    description: text('description').notNull(),
    // The quote line's English description (issue 16); null for a free line.
    descriptionEn: text('description_en'),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    vatCategory: text('vat_category', { enum: VAT_CATEGORIES }).notNull(),
    billTo: text('bill_to', { enum: BILL_TO }).notNull(),
    totalCents: integer('total_cents').notNull(),
    // Set when the line has been invoiced, so a monthly partner invoice never bills it twice.
    invoicedAt: timestamp('invoiced_at', { withTimezone: true }),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId, t.position),
    check('order_lines_vat', vatCategoryMatchesRate(t.vatCategory, t.vatRate)),
    check('order_lines_product_or_kit', sql`${t.productId} is null or ${t.kitId} is null`),
  ],
);

export const MILESTONES = [
  'order_received',
  'materials_ready',
  'visit_scheduled',
  'installation_done',
  'invoiced',
  'paid',
] as const;

export const orderMilestones = pgTable(
  'order_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    code: text('code', { enum: MILESTONES }).notNull(),
    position: integer('position').notNull(),
    reachedAt: timestamp('reached_at', { withTimezone: true }),
  },
  (t) => [index('order_milestones_order_idx').on(t.orderId, t.position)],
);

/** The visits the signed quote asked for (at most two), for planning to schedule. */
export const orderVisitRequirements = pgTable(
  'order_visit_requirements',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    type: text('type', { enum: VISIT_TYPES }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
  },
  (t) => [unique('order_visit_requirements_key').on(t.orderId, t.sequence)],
);

/** The order's timeline: every stage change with its reason and who made it. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind', { enum: ['created', 'stage_changed', 'invoiced'] }).notNull(),
    fromStage: text('from_stage', { enum: ORDER_STAGES }),
    toStage: text('to_stage', { enum: ORDER_STAGES }),
    // A reason the platform gave, as a sentence code and its parameters worded when read (platform/sentences).
    reasonCode: text('reason_code'),
    reasonParams: jsonb('reason_params').$type<Record<string, unknown>>(),
    // A reason as a person typed it, or an older row's Dutch (and English where it had one).
    reason: text('reason'),
    reasonEn: text('reason_en'),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);
