import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type EmailAttachment = { filename: string; contentType: string; contentBase64: string };

/** Outgoing email. The offline default stores it here for ops to read; an SMTP sender marks it sent. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    // Files sent along (a purchase order's PDF and UBL), base64 as a mail carries them.
    attachments: jsonb('attachments').$type<EmailAttachment[]>(),
    status: text('status', { enum: ['stored', 'sent', 'failed'] })
      .notNull()
      .default('stored'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt)],
);
