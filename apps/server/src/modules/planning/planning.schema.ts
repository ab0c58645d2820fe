import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { addresses, customers } from '../crm/crm.schema.ts';
import { orders } from '../orders/orders.schema.ts';
import { VISIT_TYPES } from '../quotes/quotes.schema.ts';

/** 7 overlapping regions, each defined by 2-digit postcode prefixes (PRD process 3). */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  pc2: text('pc2').array().notNull(),
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  homeBasePc4: text('home_base_pc4').notNull(),
  homeBaseLabel: text('home_base_label').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  maxVisitsPerDay: integer('max_visits_per_day').notNull().default(3),
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  // ISO weekdays the team works (1 = Monday ... 7 = Sunday); other days are days off for planning.
  workingDays: integer('working_days').array().notNull().default(sql`'{1,2,3,4,5}'::integer[]`),
});

export const ABSENCE_KINDS = ['holiday', 'illness', 'training', 'other'] as const;

/** A team that cannot work from one day to another, both included (holiday, illness, training). */
export const teamAbsences = pgTable(
  'team_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    dateFrom: date('date_from').notNull(),
    dateTo: date('date_to').notNull(),
    kind: text('kind', { enum: ABSENCE_KINDS }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('team_absences_team_idx').on(t.teamId, t.dateFrom),
    check('team_absences_order', sql`${t.dateFrom} <= ${t.dateTo}`),
  ],
);

export const teamRegions = pgTable(
  'team_regions',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.regionCode] })],
);

export const TECHNICIAN_SKILLS = [
  'charger_installation',
  'three_phase_meter_cabinet',
  'survey',
  'ocpp_configuration',
] as const;

export const technicians = pgTable(
  'technicians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    phone: text('phone'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('technicians_team_idx').on(t.teamId)],
);

export const VISIT_STATUSES = [
  'to_schedule',
  'scheduled',
  'in_progress',
  'completed',
  'partial',
  'rescheduled',
  'cancelled',
] as const;
export const DAY_BLOCKS = ['morning', 'afternoon'] as const;

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    addressId: uuid('address_id')
      .notNull()
      .references(() => addresses.id),
    type: text('type', { enum: VISIT_TYPES }).notNull(),
    status: text('status', { enum: VISIT_STATUSES }).notNull().default('to_schedule'),
    teamId: uuid('team_id').references(() => teams.id),
    scheduledDate: date('scheduled_date'),
    block: text('block', { enum: DAY_BLOCKS }),
    durationMinutes: integer('duration_minutes').notNull(),
    // What the team must be able to do, read from the order's lines (TECHNICIAN_SKILLS).
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    // The visit of the same order that must come first, on an earlier day (survey before installation).
    afterVisitId: uuid('after_visit_id').references((): AnyPgColumn => visits.id),
    // 0 normal, 1 high, 2 urgent: the queue and the optimiser take higher first.
    priority: integer('priority').notNull().default(0),
    // A window narrower than the block, agreed with the customer ('HH:MM', Amsterdam time); null: the block.
    windowStart: text('window_start'),
    windowEnd: text('window_end'),
    // Set when the customer confirmed the planned slot: from then on the visit is fixed (never moved unasked).
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    // Optimistic concurrency: a change based on an older version is refused (two planners, one visit).
    lockVersion: integer('lock_version').notNull().default(0),
    instructions: text('instructions'),
    result: jsonb('result').$type<{
      checklist?: { item: string; done: boolean }[];
      issues?: string[];
      satisfaction?: number;
    }>(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_team_date_idx').on(t.teamId, t.scheduledDate),
    index('visits_date_idx').on(t.scheduledDate),
    index('visits_order_idx').on(t.orderId),
    index('visits_customer_idx').on(t.customerId),
    // The visits that follow one (its links), read by every move's check.
    index('visits_after_visit_idx').on(t.afterVisitId),
    check('visits_not_after_itself', sql`${t.afterVisitId} is null or ${t.afterVisitId} <> ${t.id}`),
    check(
      'visits_scheduled_has_slot',
      sql`${t.status} <> 'scheduled' or (${t.teamId} is not null and ${t.scheduledDate} is not null and ${t.block} is not null)`,
    ),
    check('visits_duration', sql`${t.durationMinutes} > 0`),
    check('visits_priority', sql`${t.priority} between 0 and 2`),
    check(
      'visits_window',
      sql`(${t.windowStart} is null) = (${t.windowEnd} is null) and (${t.windowStart} is null or ${t.windowStart} < ${t.windowEnd})`,
    ),
  ],
);
