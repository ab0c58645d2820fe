import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema.ts';
import { products } from '../catalog/catalog.schema.ts';
import { teams, visits } from '../planning/planning.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** A phone a technician logged in on. Revoked: its next sync or command batch tells it to wipe its store. */
export const mobileDevices = pgTable(
  'mobile_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    label: text('label').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [index('mobile_devices_user_idx').on(t.userId)],
);

/** The visits a device was sent, so a later sync can send tombstones for exactly those that left its window. */
export const mobileDeviceVisits = pgTable(
  'mobile_device_visits',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => mobileDevices.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.visitId] })],
);

/**
 * Every command a device sent, with the answer it got: the same id again is answered "duplicate" with
 * that answer, so resending is always safe. The request hash tells a resend from a reused id.
 */
export const mobileCommands = pgTable(
  'mobile_commands',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => mobileDevices.id),
    userId: uuid('user_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    kind: text('kind').notNull(),
    actedAt: timestamp('acted_at', { withTimezone: true }).notNull(),
    baseVersion: bigint('base_version', { mode: 'number' }).notNull(),
    requestHash: text('request_hash').notNull(),
    result: text('result', { enum: ['applied', 'conflict', 'rejected'] }).notNull(),
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mobile_commands_visit_idx').on(t.visitId)],
);

/** Arrival, signature, satisfaction and outcome of a visit as the team recorded them (one row per visit). */
export const visitExecutions = pgTable('visit_executions', {
  visitId: uuid('visit_id')
    .primaryKey()
    .references(() => visits.id),
  // The technician set out for this visit (the app's "Onderweg"); the earliest tap counts.
  onTheWayAt: timestamp('on_the_way_at', { withTimezone: true }),
  arrivedAt: timestamp('arrived_at', { withTimezone: true }),
  signature: jsonb('signature').$type<{
    signerName: string;
    imageSha256: string;
    strokes: [number, number, number][][];
    actedAt: string;
    commandId: string;
  }>(),
  satisfaction: integer('satisfaction'),
  satisfactionActedAt: timestamp('satisfaction_acted_at', { withTimezone: true }),
  outcome: text('outcome', { enum: ['completed', 'partial', 'rescheduled', 'cancelled'] }),
  outcomeReason: text('outcome_reason'),
  outcomeActedAt: timestamp('outcome_acted_at', { withTimezone: true }),
});

/** One checklist field of a visit: the last answer by time of action wins (ties: the larger command id). */
export const visitChecklistAnswers = pgTable(
  'visit_checklist_answers',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    field: text('field').notNull(),
    value: jsonb('value').$type<boolean | number | string>().notNull(),
    actedAt: timestamp('acted_at', { withTimezone: true }).notNull(),
    commandId: uuid('command_id').notNull(),
    deviceId: uuid('device_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.field] })],
);

/** Photos, parts used and issue reports are append-only: one row per command, never changed. */
export const visitPhotos = pgTable(
  'visit_photos',
  {
    commandId: uuid('command_id').primaryKey(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    sha256: text('sha256')
      .notNull()
      .references(() => mobilePhotos.sha256),
    step: text('step').notNull(),
    actedAt: timestamp('acted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('visit_photos_visit_idx').on(t.visitId)],
);

export const visitPartsUsed = pgTable(
  'visit_parts_used',
  {
    commandId: uuid('command_id').primaryKey(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    serialNumber: text('serial_number'),
    postingId: uuid('posting_id').notNull(),
    actedAt: timestamp('acted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('visit_parts_used_visit_idx').on(t.visitId),
    check('visit_parts_used_quantity', sql`${t.quantity} > 0`),
  ],
);

export const visitIssueReports = pgTable(
  'visit_issue_reports',
  {
    commandId: uuid('command_id').primaryKey(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    category: text('category').notNull(),
    note: text('note').notNull(),
    photoSha256: text('photo_sha256').references(() => mobilePhotos.sha256),
    actedAt: timestamp('acted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('visit_issue_reports_visit_idx').on(t.visitId)],
);

/** Content-addressed images (photos and signatures): uploading the same bytes again changes nothing. */
export const mobilePhotos = pgTable('mobile_photos', {
  sha256: text('sha256').primaryKey(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const FIELD_CASE_KINDS = ['checklist_conflict', 'status_conflict', 'serial_twice', 'outcome_follow_up'] as const;

/** What a field change left for ops to review: an overwritten answer, a status clash, a serial used twice. */
export const fieldCases = pgTable(
  'field_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    kind: text('kind', { enum: FIELD_CASE_KINDS }).notNull(),
    field: text('field'),
    winner: jsonb('winner').notNull(),
    loser: jsonb('loser').notNull(),
    commandId: uuid('command_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    // Who closed the case and what they decided (the audit log keeps the same, this is for the visit's page).
    resolvedBy: uuid('resolved_by'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [index('field_cases_open_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`)],
);

/** The installation report of a completed visit, made once, mailed to the customer from the outbox. */
export const installationReports = pgTable('installation_reports', {
  visitId: uuid('visit_id')
    .primaryKey()
    .references(() => visits.id),
  pdf: bytea('pdf').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
