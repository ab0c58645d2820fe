import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from '../catalog/catalog.schema.ts';
import { teams } from '../planning/planning.schema.ts';
import { stockLocations, stockPostings } from './inventory.schema.ts';

export const TRANSFER_STATUSES = ['in_transit', 'received'] as const;

/**
 * A transfer between two physical places, numbered OVB-2026-000001. Between the warehouse and a staging
 * area or van it goes through transit: sending posts from → transit, receiving transit → to (the same
 * moves), so what is on the road is visible; within one place (bins, staging to van) it posts from → to
 * at once. Its lines are its send posting's moves.
 */
export const stockTransfers = pgTable(
  'stock_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    fromLocationId: uuid('from_location_id')
      .notNull()
      .references(() => stockLocations.id),
    toLocationId: uuid('to_location_id')
      .notNull()
      .references(() => stockLocations.id),
    viaTransit: boolean('via_transit').notNull(),
    status: text('status', { enum: TRANSFER_STATUSES }).notNull(),
    sendPostingId: uuid('send_posting_id')
      .notNull()
      .unique()
      .references(() => stockPostings.id),
    receivePostingId: uuid('receive_posting_id').references(() => stockPostings.id),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [
    index('stock_transfers_created_idx').on(t.createdAt),
    check(
      'stock_transfers_received',
      sql`(${t.status} = 'received') = (${t.receivedAt} is not null) and (${t.viaTransit} or ${t.status} = 'received')`,
    ),
  ],
);

export const VAN_REQUEST_STATUSES = ['open', 'fulfilled', 'declined'] as const;
export type VanRequestStatus = (typeof VAN_REQUEST_STATUSES)[number];

/**
 * A team asking for products on its van (a technician from the app, or ops for them), numbered
 * AANV-2026-000001. The warehouse fulfils it with a transfer to the van, or declines it with a reason.
 */
export const vanRequests = pgTable(
  'van_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    // The requester's key: a second tap or a retried request makes no second request.
    idempotencyKey: text('idempotency_key').notNull().unique(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    vanLocationId: uuid('van_location_id')
      .notNull()
      .references(() => stockLocations.id),
    status: text('status', { enum: VAN_REQUEST_STATUSES }).notNull().default('open'),
    note: text('note'),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    transferId: uuid('transfer_id').references(() => stockTransfers.id),
  },
  (t) => [
    index('van_requests_status_idx').on(t.status, t.requestedAt),
    index('van_requests_team_idx').on(t.teamId, t.requestedAt),
    check(
      'van_requests_decision',
      sql`(${t.status} = 'open') = (${t.decidedAt} is null)
          and (${t.status} = 'declined') = (${t.declineReason} is not null)
          and (${t.status} = 'fulfilled') = (${t.transferId} is not null)`,
    ),
  ],
);

export const vanRequestLines = pgTable(
  'van_request_lines',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => vanRequests.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.productId] }),
    check('van_request_lines_quantity', sql`${t.quantity} > 0`),
  ],
);
