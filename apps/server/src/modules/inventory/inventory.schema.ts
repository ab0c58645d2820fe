import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { products } from '../catalog/catalog.schema.ts';
import { teams, visits } from '../planning/planning.schema.ts';

/**
 * Physical locations hold stock we count; virtual ones are the other ends of the flow (supplier,
 * partner, the customer's wall, transit, returns, scrap, inventory loss), as in Odoo's location tree.
 */
export const PHYSICAL_LOCATION_KINDS = ['warehouse', 'bin', 'staging', 'van'] as const;
export const VIRTUAL_LOCATION_KINDS = [
  'supplier',
  'partner',
  'customer',
  'transit',
  'returns',
  'scrap',
  'loss',
] as const;
export const LOCATION_KINDS = [...PHYSICAL_LOCATION_KINDS, ...VIRTUAL_LOCATION_KINDS] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Where stock can be: the flow is warehouse -> staging -> van -> customer's wall (PRD process 4). */
export const stockLocations = pgTable(
  'stock_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: LOCATION_KINDS }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => stockLocations.id),
    teamId: uuid('team_id').references(() => teams.id),
    regionCode: text('region_code'),
    // Bulk consumables on this van may be used before the booking catches up; never serials.
    allowNegative: boolean('allow_negative').notNull().default(false),
    active: boolean('active').notNull().default(true),
    // A supplier's order desk: where a sent purchase order goes, with its PDF and UBL Order.
    contactEmail: text('contact_email'),
    // The language the order desk reads; its purchase orders are mailed in it.
    contactLanguage: text('contact_language', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
  },
  (t) => [
    index('stock_locations_parent_idx').on(t.parentId),
    check('stock_locations_negative_only_on_vans', sql`not ${t.allowNegative} or ${t.kind} = 'van'`),
  ],
);

export const TRACKING = ['serial', 'batch', 'none'] as const;
export type Tracking = (typeof TRACKING)[number];

/** How inventory treats a product: its tracking, its manufacturer's warranty and its reorder point. */
export const stockProductSettings = pgTable(
  'stock_product_settings',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => products.id),
    tracking: text('tracking', { enum: TRACKING }).notNull(),
    warrantyMonths: integer('warranty_months').notNull().default(24),
    reorderPoint: integer('reorder_point').notNull().default(0),
    reorderQuantity: integer('reorder_quantity').notNull().default(0),
  },
  (t) => [
    check('stock_product_settings_warranty', sql`${t.warrantyMonths} >= 0`),
    check('stock_product_settings_reorder', sql`${t.reorderPoint} >= 0 and ${t.reorderQuantity} >= 0`),
  ],
);

/**
 * Minimum and maximum per product and physical location: at or below the minimum (counting what is on
 * order), reorder up to the maximum. Without a rule the warehouse uses the product's reorder point and
 * quantity from `stock_product_settings`.
 */
export const stockReplenishmentRules = pgTable(
  'stock_replenishment_rules',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    minQuantity: integer('min_quantity').notNull(),
    maxQuantity: integer('max_quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locationId] }),
    check('stock_replenishment_rules_range', sql`${t.minQuantity} >= 0 and ${t.maxQuantity} > ${t.minQuantity}`),
  ],
);

export const DOCUMENT_TYPES = [
  'purchase_receipt',
  'transfer',
  'pick',
  'load',
  'installation',
  'return',
  'scrap',
  'count_adjustment',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** One posting of a document: its moves post together or not at all, and a retried key posts once. */
export const stockPostings = pgTable(
  'stock_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    // SHA-256 of the request, so the same key with other content is refused instead of ignored.
    requestHash: text('request_hash').notNull(),
    documentType: text('document_type', { enum: DOCUMENT_TYPES }).notNull(),
    documentRef: text('document_ref').notNull(),
    visitId: uuid('visit_id').references(() => visits.id),
    postedBy: uuid('posted_by'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_postings_document_idx').on(t.documentType, t.documentRef)],
);

/** The ledger: a quantity of a product (with its serial or batch) from one location to another. Never edited. */
export const stockMoves = pgTable(
  'stock_moves',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => stockPostings.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    serialNumber: text('serial_number'),
    batchCode: text('batch_code'),
    fromLocationId: uuid('from_location_id')
      .notNull()
      .references(() => stockLocations.id),
    toLocationId: uuid('to_location_id')
      .notNull()
      .references(() => stockLocations.id),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_moves_product_idx').on(t.productId, t.id),
    index('stock_moves_serial_idx').on(t.serialNumber),
    index('stock_moves_posting_idx').on(t.postingId),
    check('stock_moves_quantity_positive', sql`${t.quantity} > 0`),
    check('stock_moves_serial_is_one', sql`${t.serialNumber} is null or ${t.quantity} = 1`),
    check('stock_moves_not_in_place', sql`${t.fromLocationId} <> ${t.toLocationId}`),
  ],
);

/**
 * On hand and reserved per product, location and lot (the serial, the batch code, or '' for counted
 * stock), derived from the ledger in the posting's transaction; `rebuildStockBalances` recomputes it.
 */
export const stockBalances = pgTable(
  'stock_balances',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    lot: text('lot').notNull().default(''),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locationId, t.lot] }),
    index('stock_balances_location_idx').on(t.locationId),
    check('stock_balances_reserved', sql`${t.reserved} >= 0`),
  ],
);

/** A serialised unit: where it is now, and once installed, the visit and its warranty. */
export const stockSerials = pgTable(
  'stock_serials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    serialNumber: text('serial_number').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    visitId: uuid('visit_id').references(() => visits.id),
    installedOn: date('installed_on'),
    warrantyUntil: date('warranty_until'),
    // The manufacturer registration adapter's answer; 'local' is the offline default.
    warrantyRegistration: text('warranty_registration'),
  },
  (t) => [
    uniqueIndex('stock_serials_product_serial_key').on(t.productId, t.serialNumber),
    index('stock_serials_serial_idx').on(t.serialNumber),
    index('stock_serials_visit_idx').on(t.visitId),
  ],
);

/** Materials held for a planned visit at the warehouse, per lot they were drawn from. */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    lot: text('lot').notNull().default(''),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: ['active', 'released', 'consumed'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('stock_reservations_visit_idx').on(t.visitId, t.status),
    index('stock_reservations_active_idx').on(t.productId, t.locationId, t.lot).where(sql`${t.status} = 'active'`),
    check('stock_reservations_quantity', sql`${t.quantity} > 0`),
  ],
);

export const PURCHASE_ORDER_STATUSES = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/** An order to a supplier (a supplier location); numbered IO-2026-000001. */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    supplierLocationId: uuid('supplier_location_id')
      .notNull()
      .references(() => stockLocations.id),
    destinationLocationId: uuid('destination_location_id')
      .notNull()
      .references(() => stockLocations.id),
    status: text('status', { enum: PURCHASE_ORDER_STATUSES }).notNull().default('draft'),
    expectedOn: date('expected_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('purchase_orders_status_idx').on(t.status, t.createdAt)],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purchaseOrderId: uuid('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
    unitCostCents: integer('unit_cost_cents').notNull().default(0),
  },
  (t) => [
    uniqueIndex('purchase_order_lines_product_key').on(t.purchaseOrderId, t.productId),
    check('purchase_order_lines_quantity', sql`${t.quantityOrdered} > 0`),
    check(
      'purchase_order_lines_received',
      sql`${t.quantityReceived} >= 0 and ${t.quantityReceived} <= ${t.quantityOrdered}`,
    ),
  ],
);

export const STOCK_COUNT_STATUSES = ['open', 'posted'] as const;

/**
 * A cycle count of one physical location: the lines expected there when it started, what was counted,
 * and once posted the count adjustment that made the ledger agree (its key is the count's, so posting
 * twice posts once).
 */
export const stockCounts = pgTable(
  'stock_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    status: text('status', { enum: STOCK_COUNT_STATUSES }).notNull().default('open'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: uuid('started_by'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postingId: uuid('posting_id').references(() => stockPostings.id),
  },
  (t) => [
    index('stock_counts_posted_idx').on(t.status, t.postedAt),
    // One open count per location at a time: two would each post the same difference.
    uniqueIndex('stock_counts_one_open_key').on(t.locationId).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * One product and lot of a count. `expected` is the balance when the count started; the variance is
 * taken against the balance when it is posted, so moves made while counting are not counted as missing.
 */
export const stockCountLines = pgTable(
  'stock_count_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countId: uuid('count_id')
      .notNull()
      .references(() => stockCounts.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    lot: text('lot').notNull().default(''),
    expected: integer('expected').notNull(),
    counted: integer('counted'),
    variance: integer('variance'),
  },
  (t) => [
    uniqueIndex('stock_count_lines_key').on(t.countId, t.productId, t.lot),
    check('stock_count_lines_counted', sql`${t.counted} is null or ${t.counted} >= 0`),
  ],
);
