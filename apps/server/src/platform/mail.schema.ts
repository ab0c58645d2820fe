import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
    // A reply without a reference answers the last message to its sender; a customer's page lists messages to their address.
    index('email_outbox_to_idx').on(sql`lower(${t.to})`, t.createdAt),
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

/** How an inbound message found what it answers: a token in our reply address, a mail header, WhatsApp's reply context, or the last message we sent that number. */
export const REPLY_MATCHES = ['reply_address', 'mail_header', 'whatsapp_context', 'last_message'] as const;
export type ReplyMatch = (typeof REPLY_MATCHES)[number];

/**
 * A message a customer (or anyone) sent us: a reply by e-mail, SMS or WhatsApp, kept whether or not its
 * sender is known (`customer_id` null: ops see it as an unknown sender). `in_reply_to` is the message of ours
 * it answers, where that could be told; `thread_key` groups a conversation for the support inbox to come:
 * `message:<id of our message>` when it answers one of ours, else `contact:<channel>:<address>`.
 * `provider_message_id` keeps a webhook the provider delivers twice to one row.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull().default(''),
    bodyText: text('body_text').notNull(),
    customerId: uuid('customer_id'),
    entityId: text('entity_id'),
    inReplyTo: uuid('in_reply_to').references(() => emailOutbox.id),
    matchedBy: text('matched_by', { enum: REPLY_MATCHES }),
    threadKey: text('thread_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbound_messages_provider_key').on(t.channel, t.providerMessageId),
    index('inbound_messages_received_idx').on(t.receivedAt),
    index('inbound_messages_customer_idx').on(t.customerId, t.receivedAt),
    index('inbound_messages_thread_idx').on(t.threadKey, t.receivedAt),
    // The WhatsApp window: has this number written to us in the last 24 hours?
    index('inbound_messages_from_idx').on(t.channel, t.fromAddress, t.receivedAt),
  ],
);
