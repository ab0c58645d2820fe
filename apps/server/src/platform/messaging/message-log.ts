import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import {
  emailOutbox,
  inboundMessages,
  type MessageAttachment,
  type MessageChannel,
  type MessageStatus,
} from '../mail.schema.ts';

/** The log's status of a message someone sent us, and the type it is listed under. */
export const RECEIVED = 'received';
export const REPLY_TYPE = 'reply';

export type MessageFilter = {
  direction?: 'outbound' | 'inbound' | undefined;
  channel?: MessageChannel | undefined;
  status?: MessageStatus | typeof RECEIVED | undefined;
  messageType?: string | undefined;
  customerId?: string | undefined;
  q?: string | undefined;
  /** A customer's messages: those naming them, and those to or from their address or number before they were named. */
  customer?: { id: string; addresses: string[] } | undefined;
};

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function outboundWhere(filter: MessageFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (filter.channel) c.push(eq(emailOutbox.channel, filter.channel));
  if (filter.status) c.push(eq(emailOutbox.status, filter.status as MessageStatus));
  if (filter.messageType) c.push(eq(emailOutbox.messageType, filter.messageType));
  if (filter.customerId) c.push(eq(emailOutbox.customerId, filter.customerId));
  if (filter.customer)
    c.push(
      or(
        eq(emailOutbox.customerId, filter.customer.id),
        filter.customer.addresses.length
          ? inArray(sql`lower(${emailOutbox.to})`, filter.customer.addresses)
          : undefined,
      ),
    );
  if (filter.q)
    c.push(sql`(${emailOutbox.to} ilike ${likeOf(filter.q)} or ${emailOutbox.subject} ilike ${likeOf(filter.q)})`);
  return and(...c);
}

function inboundWhere(filter: MessageFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (filter.channel) c.push(eq(inboundMessages.channel, filter.channel));
  if (filter.customerId) c.push(eq(inboundMessages.customerId, filter.customerId));
  if (filter.customer)
    c.push(
      or(
        eq(inboundMessages.customerId, filter.customer.id),
        filter.customer.addresses.length
          ? inArray(sql`lower(${inboundMessages.fromAddress})`, filter.customer.addresses)
          : undefined,
      ),
    );
  if (filter.q)
    c.push(
      sql`(${inboundMessages.fromAddress} ilike ${likeOf(filter.q)} or ${inboundMessages.subject} ilike ${likeOf(filter.q)})`,
    );
  return and(...c);
}

/** Which sides of the log a filter can match: a status or type of sent messages rules out the received ones. */
function sides(filter: MessageFilter) {
  const inboundOnly = filter.direction === 'inbound' || filter.status === RECEIVED || filter.messageType === REPLY_TYPE;
  const outboundOnly =
    filter.direction === 'outbound' ||
    (filter.status !== undefined && filter.status !== RECEIVED) ||
    (filter.messageType !== undefined && filter.messageType !== REPLY_TYPE);
  return { outbound: !inboundOnly, inbound: !outboundOnly };
}

const outboundRows = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      id: emailOutbox.id,
      direction: sql<'outbound' | 'inbound'>`'outbound'`.as('direction'),
      channel: emailOutbox.channel,
      messageType: emailOutbox.messageType,
      entityId: emailOutbox.entityId,
      customerId: emailOutbox.customerId,
      language: emailOutbox.language,
      to: emailOutbox.to,
      from: sql<string | null>`null::text`.as('from_address'),
      inReplyTo: sql<string | null>`null::uuid`.as('in_reply_to'),
      subject: emailOutbox.subject,
      bodyText: emailOutbox.bodyText,
      hasHtml: sql<boolean>`${emailOutbox.bodyHtml} is not null`.as('has_html'),
      attachments: emailOutbox.attachments,
      status: sql<MessageStatus | typeof RECEIVED>`${emailOutbox.status}`.as('status'),
      reason: emailOutbox.reason,
      providerId: emailOutbox.providerId,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      updatedAt: emailOutbox.updatedAt,
    })
    .from(emailOutbox)
    .where(where);

// The same columns in the same order; a reply's language is that of the message it answers.
const inboundRows = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      id: inboundMessages.id,
      direction: sql<'outbound' | 'inbound'>`'inbound'`.as('direction'),
      channel: inboundMessages.channel,
      messageType: sql<string>`${REPLY_TYPE}::text`.as('message_type'),
      entityId: inboundMessages.entityId,
      customerId: inboundMessages.customerId,
      language: sql<
        'nl' | 'en'
      >`coalesce((select o.language from ${emailOutbox} o where o.id = ${inboundMessages.inReplyTo}), 'nl')`.as(
        'language',
      ),
      to: inboundMessages.toAddress,
      from: inboundMessages.fromAddress,
      inReplyTo: inboundMessages.inReplyTo,
      subject: inboundMessages.subject,
      bodyText: inboundMessages.bodyText,
      hasHtml: sql<boolean>`false`.as('has_html'),
      attachments: sql<MessageAttachment[] | null>`null::jsonb`.as('attachments'),
      status: sql<MessageStatus | typeof RECEIVED>`${RECEIVED}::text`.as('status'),
      reason: sql<string | null>`null::text`.as('reason'),
      providerId: inboundMessages.providerMessageId,
      attempts: sql<number>`0`.as('attempts'),
      createdAt: inboundMessages.receivedAt,
      sentAt: sql<Date | null>`null::timestamptz`.as('sent_at'),
      updatedAt: inboundMessages.receivedAt,
    })
    .from(inboundMessages)
    .where(where);

/**
 * The message log, newest first: what we sent and (unless filtered out) what people sent us, one list
 * across both tables, paged in the database.
 */
export async function listMessageLog(db: DbOrTx, page: number, pageSize: number, filter: MessageFilter = {}) {
  const { outbound, inbound } = sides(filter);
  const out = outboundWhere(filter);
  const inn = inboundWhere(filter);
  const offset = (page - 1) * pageSize;
  const rowsOf = () => {
    if (outbound && inbound)
      return unionAll(outboundRows(db, out), inboundRows(db, inn))
        .orderBy(sql`created_at desc, id desc`)
        .limit(pageSize)
        .offset(offset);
    if (outbound)
      return outboundRows(db, out)
        .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
        .limit(pageSize)
        .offset(offset);
    return inboundRows(db, inn)
      .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
      .limit(pageSize)
      .offset(offset);
  };
  const count = async (side: boolean, table: typeof emailOutbox | typeof inboundMessages, where: SQL | undefined) =>
    side ? ((await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]?.n ?? 0) : 0;
  const [items, sent, received] = await Promise.all([
    rowsOf(),
    count(outbound, emailOutbox, out),
    count(inbound, inboundMessages, inn),
  ]);
  return {
    items: items.map((e) => ({
      ...e,
      attachments: (e.attachments ?? []).map((a) => a.filename),
      createdAt: new Date(e.createdAt).toISOString(),
      sentAt: e.sentAt ? new Date(e.sentAt).toISOString() : null,
      updatedAt: new Date(e.updatedAt).toISOString(),
    })),
    total: sent + received,
    page,
    pageSize,
  };
}
