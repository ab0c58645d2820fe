import type { DbOrTx } from './db/client.ts';
import { emailOutbox, type MessageAttachment, type MessageChannel, type MessageStatus } from './mail.schema.ts';
import type { MessageType } from './messaging/templates/message-registry.ts';

export type OutgoingEmail = {
  to: string;
  subject: string;
  bodyText: string;
  channel?: MessageChannel;
  messageType?: MessageType;
  entityId?: string | null;
  customerId?: string | null;
  language?: 'nl' | 'en';
  bodyHtml?: string | null;
  /** The brand's sender; without it the SMTP settings' address. */
  sender?: string | null;
  attachments?: MessageAttachment[] | null;
  /** A message asked for twice with the same key (an event redelivered, a schedule run again) is stored once. */
  dedupeKey?: string | null;
  /** Only for a message whose live version is delivered by the caller itself (a login link): never sent by the sender. */
  status?: Extract<MessageStatus, 'stored'>;
};

/**
 * Stores a message in the caller's transaction, so it exists exactly when the change that caused it does;
 * the message sender sends it after commit (or, offline, leaves it stored for ops to read).
 */
export async function storeEmail(tx: DbOrTx, email: OutgoingEmail): Promise<string> {
  const [id] = await storeEmails(tx, [email]);
  return id!;
}

/** Several messages of one batch in one insert; answers the ids of those stored (a repeated dedupe key is not). */
export async function storeEmails(tx: DbOrTx, emails: OutgoingEmail[]): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await tx
    .insert(emailOutbox)
    .values(emails)
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return rows.map((r) => r.id);
}
