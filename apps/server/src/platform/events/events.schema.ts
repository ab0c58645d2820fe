import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who may see an event: the realtime hub and webhook dispatch read this, never the payload. */
export type EventAudience = {
  partnerId?: string | null;
  customerId?: string | null;
  teamId?: string | null;
  staffOnly?: boolean;
};

/** Transactional outbox: written in the same transaction as the change it reports. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().defaultRandom().unique(),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    audience: jsonb('audience').$type<EventAudience>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_events_unprocessed_idx').on(t.id).where(sql`processed_at is null`),
    // A visit's version for the technician app is its latest event's id.
    index('outbox_events_subject_idx').on(t.subjectType, t.subjectId, t.id),
  ],
);

/** Every mutation: who, what, when, before and after — written in the mutation's own transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.at), index('audit_log_at_idx').on(t.at)],
);
