import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TEMPLATE_CHANNELS } from './template-definition.ts';

/**
 * Ops' own versions of a message's text, per type x entity x language x channel. Never updated: each save
 * is a new version, and a reset to the default is a version without text, so the history stays readable.
 * The newest version counts. `entity_id` has no foreign key: the platform may not name module tables.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageType: text('message_type').notNull(),
    entityId: text('entity_id').notNull(),
    language: text('language', { enum: ['nl', 'en'] }).notNull(),
    channel: text('channel', { enum: TEMPLATE_CHANNELS }).notNull(),
    version: integer('version').notNull(),
    // Both null: back to the default from this version on.
    subject: text('subject'),
    body: text('body'),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_templates_version_idx').on(t.messageType, t.entityId, t.language, t.channel, t.version.desc()),
  ],
);
