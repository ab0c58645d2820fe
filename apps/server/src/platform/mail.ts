import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
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

export type MessageFilter = {
  channel?: MessageChannel | undefined;
  status?: MessageStatus | undefined;
  messageType?: string | undefined;
  customerId?: string | undefined;
  q?: string | undefined;
  /** A customer's messages: those naming them, and those to their address or number before they were named. */
  customer?: { id: string; addresses: string[] } | undefined;
};

export async function listStoredEmails(db: DbOrTx, page: number, pageSize: number, filter: MessageFilter = {}) {
  const conditions: SQL[] = [];
  if (filter.channel) conditions.push(eq(emailOutbox.channel, filter.channel));
  if (filter.status) conditions.push(eq(emailOutbox.status, filter.status));
  if (filter.messageType) conditions.push(eq(emailOutbox.messageType, filter.messageType));
  if (filter.customerId) conditions.push(eq(emailOutbox.customerId, filter.customerId));
  if (filter.customer)
    conditions.push(
      or(
        eq(emailOutbox.customerId, filter.customer.id),
        filter.customer.addresses.length
          ? inArray(sql`lower(${emailOutbox.to})`, filter.customer.addresses)
          : undefined,
      )!,
    );
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${emailOutbox.to} ilike ${like} or ${emailOutbox.subject} ilike ${like})`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox).where(where),
  ]);
  return {
    items: items.map((e) => ({
      id: e.id,
      channel: e.channel,
      messageType: e.messageType,
      entityId: e.entityId,
      customerId: e.customerId,
      language: e.language,
      to: e.to,
      subject: e.subject,
      bodyText: e.bodyText,
      hasHtml: e.bodyHtml !== null,
      attachments: (e.attachments ?? []).map((a) => a.filename),
      status: e.status,
      reason: e.reason,
      providerId: e.providerId,
      attempts: e.attempts,
      createdAt: e.createdAt.toISOString(),
      sentAt: e.sentAt?.toISOString() ?? null,
      updatedAt: e.updatedAt.toISOString(),
    })),
    total: count?.n ?? 0,
    page,
    pageSize,
  };
}
