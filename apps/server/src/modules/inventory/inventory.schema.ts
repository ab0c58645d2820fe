import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from '../catalog/catalog.schema.ts';
import { teams, visits } from '../planning/planning.schema.ts';

/** Where stock can be: the flow is warehouse -> staging -> van -> customer's wall (PRD process 4). */
export const stockLocations = pgTable('stock_locations', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['warehouse', 'staging', 'van', 'installed'] }).notNull(),
  teamId: uuid('team_id').references(() => teams.id),
});

/** A serialised unit (quantity 1, serial number) or a batch of components (batch code, quantity). */
export const stockItems = pgTable(
  'stock_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    serialNumber: text('serial_number').unique(),
    batchCode: text('batch_code'),
    quantity: integer('quantity').notNull().default(1),
    status: text('status', { enum: ['available', 'reserved', 'installed', 'returned', 'defective'] })
      .notNull()
      .default('available'),
    visitId: uuid('visit_id').references(() => visits.id),
    warrantyUntil: date('warranty_until'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_items_product_location_idx').on(t.productId, t.locationId),
    index('stock_items_visit_idx').on(t.visitId),
    check(
      'stock_items_serial_or_batch',
      sql`(${t.serialNumber} is not null and ${t.quantity} = 1) or (${t.serialNumber} is null and ${t.batchCode} is not null)`,
    ),
    check('stock_items_quantity', sql`${t.quantity} >= 0`),
  ],
);
