import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const MESSAGE_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
/**
 * queued: waiting for the sender (or for the morning, in quiet hours); stored: kept for ops by the offline
 * adapter; sent: the provider took it; delivered/bounced: the provider's callback said so; failed: refused
 * for good or out of attempts; skipped: never sent, the reason says why (preference, unreachable).
 */
export const MESSAGE_STATUSES = ['queued', 'stored', 'sent', 'delivered', 'bounced', 'failed', 'skipped'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type MessageAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * One outgoing message on any channel: written in the transaction of the change that caused it, then sent
 * by the message sender with retries. The table kept the name it had when it held e-mail only. Its id is the
 * idempotency key towards the provider; `dedupe_key` keeps a message that an event or a schedule asks for
 * twice to one row.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull().default('email'),
    messageType: text('message_type').notNull().default('general'),
    entityId: text('entity_id'),
    customerId: uuid('customer_id'),
    language: text('language', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    to: text('to').notNull(),
    // The brand's sender name and address (`"LaderThuis.nl" <info@laderthuis.nl>`); null: the SMTP default.
    sender: text('sender'),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    attachments: jsonb('attachments').$type<MessageAttachment[]>(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('queued'),
    reason: text('reason'),
    providerId: text('provider_id'),
    dedupeKey: text('dedupe_key').unique(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_created_idx').on(t.createdAt),
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'queued'`),
    index('email_outbox_customer_idx').on(t.customerId, t.createdAt),
    index('email_outbox_provider_idx').on(t.providerId),
  ],
);

/** An address or number that bounced hard: no more messages go to it until ops clear it. */
export const unreachableContacts = pgTable(
  'unreachable_contacts',
  {
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    messageId: uuid('message_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.address] })],
);

/** What a customer wants to receive; no row: e-mail and SMS, Dutch, everything, no WhatsApp. */
export const messagePreferences = pgTable('message_preferences', {
  customerId: uuid('customer_id').primaryKey(),
  channels: jsonb('channels').$type<MessageChannel[]>().notNull(),
  language: text('language', { enum: ['nl', 'en'] })
    .notNull()
    .default('nl'),
  optOutNonEssential: boolean('opt_out_non_essential').notNull().default(false),
  whatsappOptInAt: timestamp('whatsapp_opt_in_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
