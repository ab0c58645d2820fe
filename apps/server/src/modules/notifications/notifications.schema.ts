import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema.ts';
import { visits } from '../planning/planning.schema.ts';

/**
 * In-app notifications: one row per recipient user, its text made in that user's language when the event
 * came, with the page of that user's portal it concerns. `dedupe_key` (the event and the recipient) keeps a
 * relayed event that is handled twice to one notification.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

/**
 * The satisfaction survey after an installation: one per visit, asked by mail with a link whose token only
 * the customer has (its SHA-256 is kept), answered once with a score from 1 to 10 and a remark.
 */
export const satisfactionSurveys = pgTable(
  'satisfaction_surveys',
  {
    visitId: uuid('visit_id')
      .primaryKey()
      .references(() => visits.id),
    tokenHash: text('token_hash').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    score: integer('score'),
    remark: text('remark'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('satisfaction_surveys_token_key').on(t.tokenHash),
    index('satisfaction_surveys_answered_idx').on(t.answeredAt),
    check('satisfaction_surveys_score', sql`${t.score} is null or ${t.score} between 1 and 10`),
    check('satisfaction_surveys_answered', sql`(${t.score} is null) = (${t.answeredAt} is null)`),
  ],
);
