import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams } from '../planning/planning.schema.ts';
import { VISIT_TYPES } from '../quotes/quotes.schema.ts';
import { stockLocations } from './inventory.schema.ts';

export const TOOL_STATUSES = ['in_use', 'in_repair', 'retired'] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/**
 * A tool in the register: its type, serial, the team it is allocated to and where it is, and when its
 * next periodic inspection (electrical test equipment, NEN 3140) and calibration are due. The due dates
 * follow from the last inspection or calibration and the interval; the daily reminder reads them.
 */
export const tools = pgTable(
  'tools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    type: text('type').notNull(),
    serialNumber: text('serial_number'),
    teamId: uuid('team_id').references(() => teams.id),
    locationId: uuid('location_id').references(() => stockLocations.id),
    status: text('status', { enum: TOOL_STATUSES }).notNull().default('in_use'),
    inspectionIntervalMonths: integer('inspection_interval_months'),
    inspectionDueOn: date('inspection_due_on'),
    calibrationIntervalMonths: integer('calibration_interval_months'),
    calibrationDueOn: date('calibration_due_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tools_team_idx').on(t.teamId),
    index('tools_inspection_due_idx').on(t.inspectionDueOn),
    check(
      'tools_intervals',
      sql`coalesce(${t.inspectionIntervalMonths}, 1) > 0 and coalesce(${t.calibrationIntervalMonths}, 1) > 0`,
    ),
  ],
);

export const TOOL_EVENT_KINDS = ['allocated', 'inspection', 'calibration', 'usage', 'maintenance'] as const;
export type ToolEventKind = (typeof TOOL_EVENT_KINDS)[number];

/** A tool's history: allocations, inspections and calibrations with their result, use and maintenance. */
export const toolEvents = pgTable(
  'tool_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toolId: uuid('tool_id')
      .notNull()
      .references(() => tools.id),
    kind: text('kind', { enum: TOOL_EVENT_KINDS }).notNull(),
    happenedOn: date('happened_on').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    result: text('result', { enum: ['passed', 'failed'] }),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tool_events_tool_idx').on(t.toolId, t.happenedOn)],
);

/**
 * Which tools an installation type (a visit's type) needs on the van, by tool type as the register names
 * it, and how many: the tools page shows per team what is missing for each type it may be sent on.
 */
export const toolRequirements = pgTable(
  'tool_requirements',
  {
    installationType: text('installation_type', { enum: VISIT_TYPES }).notNull(),
    toolType: text('tool_type').notNull(),
    quantity: integer('quantity').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.installationType, t.toolType] }),
    check('tool_requirements_quantity', sql`${t.quantity} > 0`),
  ],
);
