import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { customers } from '../crm/crm.schema.ts';

export const LEAD_STATUSES = ['received', 'enriched', 'awaiting_intake', 'qualified', 'converted', 'rejected'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_SOURCES = ['api', 'web', 'ops'] as const;

/** One line of a score: points out of a maximum, and why, so ops can see how a score came about. */
export type ScoreReason = { factor: string; points: number; max: number; reason: string };

/** Lead numbers come from a sequence: unique across instances without a lock (gaps are fine for leads). */
export const leadNumberSeq = pgSequence('lead_number_seq', { startWith: 1 });

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    entityId: text('entity_id')
      .notNull()
      .references(() => businessEntities.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    customerId: uuid('customer_id').references(() => customers.id),
    source: text('source', { enum: LEAD_SOURCES }).notNull(),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('received'),
    customerKind: text('customer_kind', { enum: ['consumer', 'business'] })
      .notNull()
      .default('consumer'),
    companyName: text('company_name'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    postcode: text('postcode'),
    houseNumber: integer('house_number'),
    houseNumberAddition: text('house_number_addition'),
    street: text('street'),
    city: text('city'),
    municipality: text('municipality'),
    province: text('province'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    regionCode: text('region_code'),
    productInterest: text('product_interest'),
    partnerReference: text('partner_reference'),
    notes: text('notes'),
    isRepeat: boolean('is_repeat').notNull().default(false),
    score: integer('score'),
    scoreBreakdown: jsonb('score_breakdown').$type<Record<string, number>>(),
    scoreReasons: jsonb('score_reasons').$type<ScoreReason[]>(),
    assignedUserId: uuid('assigned_user_id'),
    rejectedReason: text('rejected_reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    qualifiedAt: timestamp('qualified_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leads_status_idx').on(t.status, t.receivedAt),
    index('leads_partner_idx').on(t.partnerId, t.receivedAt),
    index('leads_customer_idx').on(t.customerId),
    index('leads_email_idx').on(sql`lower(${t.email})`),
    index('leads_sla_idx')
      .on(t.slaDueAt)
      .where(sql`escalated_at is null and status in ('received', 'enriched', 'awaiting_intake')`),
  ],
);

/** Every step a lead went through, by the pipeline or a person: the lead's timeline. */
export const leadTimeline = pgTable(
  'lead_timeline',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    // What the platform wrote, as a sentence code and its parameters, worded when read in the reader's
    // language (platform/sentences); null on what a person typed and on rows from before the codes.
    code: text('code'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    // The text itself where there is no code: as typed, or an older row's Dutch (and English where it had one).
    summary: text('summary'),
    summaryEn: text('summary_en'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lead_timeline_lead_idx').on(t.leadId, t.id),
    check('lead_timeline_worded', sql`${t.code} is not null or ${t.summary} is not null`),
  ],
);

/** The customer's intake questionnaire: a tokenised link (only its hash stored) and the answers. */
export const leadIntakes = pgTable(
  'lead_intakes',
  {
    leadId: uuid('lead_id')
      .primaryKey()
      .references(() => leads.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    answers: jsonb('answers').$type<Record<string, unknown>>(),
  },
  (t) => [index('lead_intakes_open_idx').on(t.sentAt).where(sql`completed_at is null`)],
);

/** Photos of the meter cabinet sent with the intake; small (bounded by the body limit), kept with the lead. */
export const leadIntakePhotos = pgTable(
  'lead_intake_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    dataBase64: text('data_base64').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_intake_photos_lead_idx').on(t.leadId)],
);

/**
 * Editable routing: the first active rule (lowest priority number) whose conditions all match decides
 * the entity. An empty condition matches anything.
 */
export const leadRoutingRules = pgTable('lead_routing_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  priority: integer('priority').notNull(),
  name: text('name').notNull(),
  partnerEntityId: text('partner_entity_id').references(() => businessEntities.id),
  productInterest: text('product_interest'),
  customerKind: text('customer_kind', { enum: ['consumer', 'business'] }),
  entityId: text('entity_id')
    .notNull()
    .references(() => businessEntities.id),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
